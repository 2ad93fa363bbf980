"""Deadlines from event logs: the 条例's rules, the explanation, and bad logs refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.core.calendar import WorkCalendar, bundled_arrangements
from gongkai.core.deadlines import (
    AgencyAnswered,
    AgencyConsulted,
    Channel,
    CorrectionReceived,
    CorrectionRequested,
    CustomDueDateSet,
    Deadline,
    Event,
    ExtensionApproved,
    FeeNoticeSent,
    FeePaid,
    Paused,
    Received,
    RequestState,
    StepKind,
    ThirdPartyAnswered,
    ThirdPartyConsulted,
    annual_report_deadline,
    compute_deadline,
    due_date,
    publication_deadline,
)
from gongkai.core.errors import RuleError

CAL = WorkCalendar.from_sources(bundled_arrangements())
D = date


AS_OF = D(2025, 10, 20)


def deadline(*events: Event, as_of: date = AS_OF) -> Deadline:
    return compute_deadline(list(events), as_of=as_of, calendar=CAL)


def assert_steps_add_up(result: Deadline) -> None:
    """COUNT and PAUSE steps tile the days after the start up to the due date, every day of a
    step is counted, paused or skipped, and the counted days make up the period."""
    assert result.due is not None and result.start is not None
    tiles = [s for s in result.steps if s.kind in (StepKind.COUNT, StepKind.PAUSE)]
    expected_start = result.start + timedelta(days=1)
    for step in tiles:
        assert step.start == expected_start
        assert (step.end - step.start).days + 1 == step.counted + step.paused + len(step.skipped)
        expected_start = step.end + timedelta(days=1)
    assert tiles[-1].end == result.statutory_due
    assert sum(s.counted for s in tiles) == result.limit
    assert result.steps[-1].kind is StepKind.DUE


# ------------------------------------------------------------------ the plain period


def test_a_request_received_on_friday_26_september_2025_is_due_on_30_october() -> None:
    result = deadline(Received(D(2025, 9, 26)))
    assert result.due == D(2025, 10, 30)
    assert result.workdays_left == 8
    assert not result.overdue and not result.provisional
    assert result.state is RequestState.RUNNING
    assert_steps_add_up(result)
    count = next(s for s in result.steps if s.kind is StepKind.COUNT)
    assert count.makeup == (D(2025, 9, 28), D(2025, 10, 11))
    assert "国庆节放假" in count.text and "中秋节放假" in count.text
    assert "条例第三十三条第二款" in result.explanation


def test_working_days_left_turn_negative_once_the_due_date_has_passed() -> None:
    result = deadline(Received(D(2025, 9, 26)), as_of=D(2025, 11, 4))
    assert result.overdue and result.workdays_left == -3
    assert "已逾期3个工作日" in result.explanation
    on_the_day = deadline(Received(D(2025, 9, 26)), as_of=D(2025, 10, 30))
    assert not on_the_day.overdue and on_the_day.workdays_left == 0


# ------------------------------------------------------------------ Art. 31: the day of receipt


def test_ordinary_mail_counts_from_the_day_receipt_was_confirmed() -> None:
    result = deadline(Received(D(2025, 9, 26), Channel.MAIL, confirmed_on=D(2025, 9, 29)))
    assert result.receipt == D(2025, 9, 29)
    assert result.due == D(2025, 11, 3)
    assert "条例第三十一条第二项" in result.explanation


def test_registered_mail_counts_from_the_day_it_was_signed_for() -> None:
    result = deadline(Received(D(2025, 9, 26), Channel.MAIL))
    assert result.receipt == D(2025, 9, 26) and "签收" in result.explanation


@pytest.mark.parametrize("channel", [Channel.ONLINE, Channel.FAX])
def test_online_and_fax_count_from_the_day_both_sides_confirmed(channel: Channel) -> None:
    result = deadline(Received(D(2025, 9, 26), channel, confirmed_on=D(2025, 9, 28)))
    assert result.receipt == D(2025, 9, 28)
    assert result.due == D(2025, 10, 31)
    assert "条例第三十一条第三项" in result.explanation


def test_email_counts_from_the_day_the_mail_system_received_it() -> None:
    result = deadline(Received(D(2025, 9, 26), Channel.EMAIL))
    assert result.receipt == D(2025, 9, 26) and "207号" in result.explanation


def test_a_confirmation_before_arrival_is_refused() -> None:
    with pytest.raises(RuleError, match="第三十一条"):
        deadline(Received(D(2025, 9, 26), Channel.ONLINE, confirmed_on=D(2025, 9, 25)))
    with pytest.raises(RuleError, match="第三十一条第一项"):
        deadline(Received(D(2025, 9, 26), Channel.IN_PERSON, confirmed_on=D(2025, 9, 29)))


# ------------------------------------------------------------------ Art. 30: 补正


def test_the_period_restarts_from_the_day_the_correction_is_received() -> None:
    result = deadline(
        Received(D(2025, 9, 26)),
        CorrectionRequested(D(2025, 9, 30), reply_by=D(2025, 10, 20)),
        CorrectionReceived(D(2025, 10, 15)),
        as_of=D(2025, 10, 16),
    )
    assert result.start == D(2025, 10, 15)
    assert result.due == CAL.add_workdays(D(2025, 10, 15), 20) == D(2025, 11, 12)
    assert_steps_add_up(result)
    assert "重新计算" in result.explanation


def test_a_correction_must_be_asked_for_within_seven_working_days() -> None:
    # 7 working days after Friday 26 September 2025: 28 Sep (Sunday, 调休), 29, 30 Sep,
    # 9, 10, 11 (Saturday, 调休), 13 Oct.
    ok = deadline(Received(D(2025, 9, 26)), CorrectionRequested(D(2025, 10, 13)))
    assert ok.correction_window_end == D(2025, 10, 13)
    assert ok.state is RequestState.AWAITING_CORRECTION and ok.due is None
    with pytest.raises(RuleError, match=r"第三十条.*2025-10-13"):
        deadline(Received(D(2025, 9, 26)), CorrectionRequested(D(2025, 10, 14)))


def test_a_correction_is_asked_for_only_once() -> None:
    with pytest.raises(RuleError, match="一次性"):
        deadline(
            Received(D(2025, 9, 26)),
            CorrectionRequested(D(2025, 9, 29)),
            CorrectionReceived(D(2025, 10, 9)),
            CorrectionRequested(D(2025, 10, 10)),
        )


def test_no_correction_by_the_deadline_ends_the_request_as_other_processing() -> None:
    events = (
        Received(D(2025, 9, 26)),
        CorrectionRequested(D(2025, 9, 29), reply_by=D(2025, 10, 20)),
    )
    waiting = deadline(*events, as_of=D(2025, 10, 20))
    ended = deadline(*events, as_of=D(2025, 10, 21))
    assert waiting.state is RequestState.AWAITING_CORRECTION
    assert ended.state is RequestState.ENDED_NO_CORRECTION
    assert ended.outcome == "other.no_correction"
    assert ended.due is None


def test_nothing_else_happens_while_waiting_for_the_correction() -> None:
    with pytest.raises(RuleError, match="等待申请人补正"):
        deadline(
            Received(D(2025, 9, 26)),
            CorrectionRequested(D(2025, 9, 29)),
            ExtensionApproved(D(2025, 10, 9)),
        )


# ------------------------------------------------------------------ Art. 32–34: consultations


def test_third_party_consultation_time_is_not_counted_and_the_reply_date_is_shown() -> None:
    result = deadline(
        Received(D(2025, 9, 26)),
        ThirdPartyConsulted(D(2025, 10, 13), "甲公司"),
        ThirdPartyAnswered(D(2025, 10, 20), "甲公司"),
        as_of=D(2025, 10, 21),
    )
    # 6 working days before the pause (28 Sunday 调休, 29, 30 Sep; 9, 10, 11 Saturday 调休 Oct),
    # 13–20 Oct not counted, then 14 more from 21 Oct.
    assert result.due == D(2025, 11, 7)
    (consultation,) = result.consultations
    assert consultation.reply_due == D(2025, 11, 3)
    assert consultation.answered == D(2025, 10, 20)
    pause = next(s for s in result.steps if s.kind is StepKind.PAUSE)
    assert (pause.start, pause.end, pause.paused) == (D(2025, 10, 13), D(2025, 10, 20), 6)
    assert "条例第三十二条" in pause.text and "2025年11月3日" in pause.text
    assert_steps_add_up(result)


def test_an_open_consultation_keeps_the_clock_paused_and_the_days_left_fixed() -> None:
    events = (Received(D(2025, 9, 26)), AgencyConsulted(D(2025, 10, 13), "市财政局"))
    a = deadline(*events, as_of=D(2025, 10, 15))
    b = deadline(*events, as_of=D(2025, 10, 22))
    assert a.state is b.state is RequestState.PAUSED
    assert a.workdays_left == b.workdays_left == 14
    assert a.due is not None and b.due is not None and b.due > a.due
    assert "条例第三十三条第三款" in a.explanation


def test_overlapping_consultations_are_not_counted_twice() -> None:
    both = deadline(
        Received(D(2025, 9, 26)),
        ThirdPartyConsulted(D(2025, 10, 13), "甲"),
        ThirdPartyConsulted(D(2025, 10, 15), "乙"),
        ThirdPartyAnswered(D(2025, 10, 20), "甲"),
        ThirdPartyAnswered(D(2025, 10, 22), "乙"),
    )
    single = deadline(
        Received(D(2025, 9, 26)),
        Paused(D(2025, 10, 13), D(2025, 10, 22)),
    )
    assert both.due == single.due
    assert_steps_add_up(both)


def test_a_consultation_that_starts_after_the_period_ran_out_does_not_revive_it() -> None:
    result = deadline(
        Received(D(2025, 9, 26)),
        AgencyConsulted(D(2025, 11, 3)),
        AgencyAnswered(D(2025, 11, 10)),
        as_of=D(2025, 11, 11),
    )
    assert result.due == D(2025, 10, 30) and result.overdue
    assert "期限已届满" in result.explanation


def test_an_answer_without_a_consultation_is_a_pause_ending_before_it_starts() -> None:
    with pytest.raises(RuleError, match="暂停不能在开始之前结束"):
        deadline(Received(D(2025, 9, 26)), ThirdPartyAnswered(D(2025, 10, 9), "甲"))
    with pytest.raises(RuleError, match="暂停不能在开始之前结束"):
        deadline(Received(D(2025, 9, 26)), Paused(D(2025, 10, 20), D(2025, 10, 13)))


# ------------------------------------------------------------------ fees (国办函〔2020〕109号)


def test_the_time_between_fee_notice_and_payment_is_not_counted() -> None:
    paid = deadline(
        Received(D(2025, 9, 26)), FeeNoticeSent(D(2025, 10, 13)), FeePaid(D(2025, 10, 20))
    )
    assert paid.due == D(2025, 11, 7)
    assert paid.fee_payment_due == CAL.add_workdays(D(2025, 10, 13), 20) == D(2025, 11, 10)
    assert "109号" in paid.explanation
    assert_steps_add_up(paid)


def test_unpaid_fees_end_the_request_after_twenty_working_days() -> None:
    events = (Received(D(2025, 9, 26)), FeeNoticeSent(D(2025, 10, 13), received_on=D(2025, 10, 14)))
    assert deadline(*events, as_of=D(2025, 11, 11)).state is RequestState.PAUSED
    ended = deadline(*events, as_of=D(2025, 11, 12))
    assert ended.state is RequestState.ENDED_FEE_UNPAID
    assert ended.outcome == "other.no_fee_paid"
    with pytest.raises(RuleError, match="逾期未缴费"):
        deadline(*events, FeePaid(D(2025, 11, 12)), as_of=D(2025, 11, 12))


def test_an_unpaid_fee_in_2020_ends_in_the_2019_formats_single_other_row() -> None:
    ended = deadline(Received(D(2020, 9, 1)), FeeNoticeSent(D(2020, 9, 2)), as_of=D(2020, 12, 31))
    assert ended.outcome == "other"


# ------------------------------------------------------------------ Art. 33 ¶2 and Art. 35


def test_an_approved_extension_adds_twenty_working_days_once() -> None:
    result = deadline(Received(D(2025, 9, 26)), ExtensionApproved(D(2025, 10, 28)))
    assert result.limit == 40 and result.extended
    assert result.due == CAL.add_workdays(D(2025, 9, 26), 40) == D(2025, 11, 27)
    assert_steps_add_up(result)
    with pytest.raises(RuleError, match="只能延长一次"):
        deadline(
            Received(D(2025, 9, 26)),
            ExtensionApproved(D(2025, 10, 20)),
            ExtensionApproved(D(2025, 10, 28)),
        )


def test_an_extension_approved_after_the_period_ran_out_is_refused() -> None:
    with pytest.raises(RuleError, match="第三十三条第二款"):
        deadline(Received(D(2025, 9, 26)), ExtensionApproved(D(2025, 10, 31)))


def test_a_due_date_set_under_article_35_replaces_the_statutory_one() -> None:
    result = deadline(
        Received(D(2025, 9, 26)), CustomDueDateSet(D(2025, 10, 9), D(2025, 12, 31), "申请数量巨大")
    )
    assert result.due == D(2025, 12, 31) and result.statutory_due == D(2025, 10, 30)
    assert result.custom and "第三十五条" in result.explanation
    with pytest.raises(RuleError, match="第三十五条"):
        deadline(Received(D(2025, 9, 26)), CustomDueDateSet(D(2025, 10, 9), D(2025, 10, 20)))


# ------------------------------------------------------------------ bad logs and dates


def test_events_out_of_order_are_refused() -> None:
    with pytest.raises(RuleError, match="事件顺序错误"):
        deadline(
            Received(D(2025, 9, 26)),
            ThirdPartyConsulted(D(2025, 10, 13)),
            ExtensionApproved(D(2025, 10, 9)),
        )
    with pytest.raises(RuleError, match="收到申请"):
        deadline(ExtensionApproved(D(2025, 10, 9)))


def test_a_date_outside_the_calendar_is_refused_with_the_limit() -> None:
    with pytest.raises(RuleError, match="2019年1月1日"):
        deadline(Received(D(2018, 12, 3)), as_of=D(2019, 1, 10))
    with pytest.raises(RuleError, match="2050年12月31日"):
        deadline(Received(D(2050, 12, 20)), as_of=D(2050, 12, 21))


def test_a_deadline_in_an_unpublished_year_is_provisional_and_says_so() -> None:
    result = deadline(Received(D(2026, 12, 20)), as_of=D(2026, 12, 21))
    assert result.provisional
    assert "尚未公布放假安排" in result.explanation
    assert not deadline(Received(D(2026, 11, 2)), as_of=D(2026, 11, 3)).provisional


# ------------------------------------------------------------------ other deadlines


def test_proactive_information_is_published_within_twenty_working_days() -> None:
    result = publication_deadline(D(2025, 9, 26), as_of=D(2025, 10, 9), calendar=CAL)
    assert result.due == D(2025, 10, 30) and result.workdays_left == 16
    assert "条例第二十六条" in result.explanation
    assert_steps_add_up(result)


def test_annual_reports_are_due_on_31_january_or_31_march_for_a_government() -> None:
    assert annual_report_deadline(2025).due == D(2026, 1, 31)
    government = annual_report_deadline(2025, government_report=True)
    assert government.due == D(2026, 3, 31) and "第四十九条" in government.rule
    with pytest.raises(RuleError):
        annual_report_deadline(2018)


# ------------------------------------------------------------------ properties


def walk(start: date, n: int, pauses: list[tuple[date, date]]) -> date:
    """The slow, obvious reference: step day by day."""
    day = start
    while n:
        day += timedelta(days=1)
        if CAL.is_workday(day) and not any(a <= day <= b for a, b in pauses):
            n -= 1
    return day


@st.composite
def cases(draw: st.DrawFn) -> tuple[date, list[tuple[date, date]], bool]:
    received = draw(st.dates(min_value=date(2019, 1, 1), max_value=date(2049, 6, 30)))
    pauses = []
    at = received
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        start = at + timedelta(days=draw(st.integers(min_value=0, max_value=30)))
        end = start + timedelta(days=draw(st.integers(min_value=0, max_value=25)))
        pauses.append((start, end))
        at = start if draw(st.booleans()) else end  # sometimes overlapping
    return received, pauses, draw(st.booleans())


def events_for(received: date, pauses: list[tuple[date, date]], extended: bool) -> list[Event]:
    events: list[Event] = [Received(received)]
    events += [Paused(a, b) for a, b in pauses]
    if extended:
        events.insert(1, ExtensionApproved(received))
    return events


@settings(max_examples=300)
@given(cases())
def test_the_due_date_is_a_working_day_and_matches_walking_day_by_day(
    case: tuple[date, list[tuple[date, date]], bool],
) -> None:
    received, pauses, extended = case
    due = due_date(received, pauses, extended=extended, calendar=CAL)
    assert CAL.is_workday(due)
    assert due == walk(received, 40 if extended else 20, pauses)
    result = compute_deadline(events_for(received, pauses, extended), as_of=received, calendar=CAL)
    assert result.due == due


@settings(max_examples=300)
@given(cases())
def test_the_explanations_days_add_up(case: tuple[date, list[tuple[date, date]], bool]) -> None:
    received, pauses, extended = case
    result = compute_deadline(events_for(received, pauses, extended), as_of=received, calendar=CAL)
    assert_steps_add_up(result)
    assert result.due is not None
    paused = sum(s.paused for s in result.steps if s.kind is StepKind.PAUSE)
    assert CAL.workdays_between(received, result.due) - paused == result.limit


@given(
    st.dates(min_value=date(2019, 1, 1), max_value=date(2049, 6, 30)),
    st.integers(min_value=0, max_value=40),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=3),
)
def test_a_later_receipt_never_gives_an_earlier_due_date(
    received: date, delay: int, raw: list[tuple[int, int]]
) -> None:
    later = received + timedelta(days=delay)
    starts = sorted(later + timedelta(days=s) for s, _ in raw)
    pauses = [(s, s + timedelta(days=length)) for s, (_, length) in zip(starts, raw, strict=True)]
    assert due_date(received, pauses, calendar=CAL) <= due_date(later, pauses, calendar=CAL)


@given(st.dates(min_value=date(2019, 1, 10), max_value=date(2049, 6, 30)))
def test_counting_back_from_the_due_date_gives_the_day_of_receipt(received: date) -> None:
    due = due_date(received, calendar=CAL)
    assert CAL.workdays_between(received, due) == 20
    back = CAL.add_workdays(due, -20)  # the last working day on or before the receipt
    assert back <= received and CAL.is_workday(back)
    assert CAL.workdays_between(back, received) == 0
    if CAL.is_workday(received):
        assert back == received


def test_the_fast_path_refuses_pauses_out_of_order() -> None:
    with pytest.raises(RuleError, match="早于开始日"):
        due_date(D(2025, 9, 26), [(D(2025, 10, 20), D(2025, 10, 13))], calendar=CAL)
    with pytest.raises(RuleError, match="先后排列"):
        due_date(
            D(2025, 9, 26),
            [(D(2025, 10, 20), D(2025, 10, 21)), (D(2025, 10, 13), D(2025, 10, 14))],
            calendar=CAL,
        )


@settings(max_examples=200)
@given(cases())
def test_without_the_explanation_the_answer_is_the_same(
    case: tuple[date, list[tuple[date, date]], bool],
) -> None:
    received, pauses, extended = case
    events = events_for(received, pauses, extended)
    full = compute_deadline(events, as_of=received + timedelta(days=20), calendar=CAL)
    quick = compute_deadline(
        events, as_of=received + timedelta(days=20), calendar=CAL, explain=False
    )
    assert quick.steps == ()
    assert (quick.due, quick.state, quick.workdays_left, quick.provisional) == (
        full.due,
        full.state,
        full.workdays_left,
        full.provisional,
    )


def test_a_silent_third_party_does_not_pause_the_clock_for_ever() -> None:
    """条例 第三十二条: the third party has 15 working days from receipt; after that the agency
    decides and the period runs again."""
    events = (Received(D(2025, 9, 26)), ThirdPartyConsulted(D(2025, 10, 13), "甲公司"))
    during = deadline(*events, as_of=D(2025, 10, 30))
    assert during.state is RequestState.PAUSED
    after = deadline(*events, as_of=D(2025, 11, 20))
    assert after.state is not RequestState.PAUSED
    # 6 working days before the pause, 13 Oct–3 Nov not counted, 14 more from 4 Nov.
    assert after.due == D(2025, 11, 21)
    assert deadline(*events, as_of=D(2025, 12, 1)).due == D(2025, 11, 21)  # fixed from now on
    assert "未答复，自2025年11月4日（周二）起恢复计算" in after.explanation
    assert_steps_add_up(after)


def test_a_late_reply_does_not_extend_the_pause() -> None:
    late = deadline(
        Received(D(2025, 9, 26)),
        ThirdPartyConsulted(D(2025, 10, 13), "甲公司"),
        ThirdPartyAnswered(D(2025, 11, 10), "甲公司"),
        as_of=D(2025, 11, 12),
    )
    assert late.due == D(2025, 11, 21)


def test_the_reply_period_counts_from_the_partys_receipt_not_from_sending() -> None:
    sent = ThirdPartyConsulted(D(2025, 10, 13), "甲公司", received_on=D(2025, 10, 16))
    result = deadline(Received(D(2025, 9, 26)), sent, as_of=D(2025, 10, 20))
    (consultation,) = result.consultations
    assert consultation.reply_due == D(2025, 11, 6)  # 15 working days after 16 Oct
    agency = AgencyConsulted(D(2025, 10, 13), "市财政局", received_on=D(2025, 10, 14))
    (c,) = deadline(Received(D(2025, 9, 26)), agency, as_of=D(2025, 10, 20)).consultations
    assert c.reply_due == D(2025, 11, 4)  # 条例第三十四条 likewise
    with pytest.raises(RuleError, match="不能早于发出日期"):
        deadline(
            Received(D(2025, 9, 26)),
            ThirdPartyConsulted(D(2025, 10, 13), "甲", received_on=D(2025, 10, 10)),
            as_of=D(2025, 10, 20),
        )
