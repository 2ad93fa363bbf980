"""Each stage of the request clock on its own (replay → open state → count → conclusion)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.core.calendar import WorkCalendar, bundled_arrangements
from gongkai.core.deadlines import (
    AgencyConsulted,
    Channel,
    CorrectionReceived,
    CorrectionRequested,
    CustomDueDateSet,
    ExtensionApproved,
    FeeNoticeSent,
    Paused,
    Received,
    RequestState,
    StepKind,
    ThirdPartyAnswered,
    ThirdPartyConsulted,
    due_date,
)
from gongkai.core.deadlines.conclude import conclude
from gongkai.core.deadlines.count import count, merge_pauses
from gongkai.core.deadlines.open_state import ended_outcome, open_state
from gongkai.core.deadlines.receipt import receipt_day
from gongkai.core.deadlines.replay import Pause, replay
from gongkai.core.errors import RuleError

CAL = WorkCalendar.from_sources(bundled_arrangements(), ())
D = date
FRIDAY = D(2025, 9, 26)


# ------------------------------------------------------------------ receipt (Art. 31)


@pytest.mark.parametrize(
    ("event", "day", "item"),
    [
        (Received(FRIDAY), FRIDAY, "第一项"),
        (Received(FRIDAY, Channel.MAIL), FRIDAY, "第二项"),
        (Received(FRIDAY, Channel.MAIL, D(2025, 9, 29)), D(2025, 9, 29), "第二项"),
        (Received(FRIDAY, Channel.ONLINE, D(2025, 9, 30)), D(2025, 9, 30), "第三项"),
        (Received(FRIDAY, Channel.FAX), FRIDAY, "第三项"),
        (Received(FRIDAY, Channel.EMAIL), FRIDAY, "207号"),
    ],
)
def test_the_day_of_receipt_follows_the_channel(event: Received, day: date, item: str) -> None:
    got, text = receipt_day(event)
    assert got == day and item in text


def test_a_confirmation_of_an_application_handed_in_is_refused() -> None:
    with pytest.raises(RuleError, match="当面提交"):
        receipt_day(Received(FRIDAY, Channel.IN_PERSON, D(2025, 9, 29)))


# ------------------------------------------------------------------ replay


def test_replay_restarts_the_period_on_the_corrected_application_and_drops_earlier_pauses() -> None:
    replayed = replay(
        [
            Received(FRIDAY),
            CorrectionRequested(D(2025, 9, 29), D(2025, 10, 20)),
            CorrectionReceived(D(2025, 10, 13)),
            ThirdPartyConsulted(D(2025, 10, 14), "甲公司"),
        ],
        CAL,
    )
    assert replayed.receipt == FRIDAY and replayed.start == D(2025, 10, 13)
    assert not replayed.awaiting_correction
    assert [(p.kind, p.name, p.open) for p in replayed.pauses] == [("third_party", "甲公司", True)]
    (consultation,) = replayed.consultations
    assert consultation.reply_due == CAL.add_workdays(D(2025, 10, 14), 15)
    assert replayed.notes[0].kind is StepKind.NOTE and "当面提交" in replayed.notes[0].text


def test_replay_without_explanation_writes_no_notes_but_checks_the_same() -> None:
    log = [Received(FRIDAY), ThirdPartyAnswered(D(2025, 10, 9))]
    with pytest.raises(RuleError, match="此前没有发出征求意见"):
        replay(log, CAL, explain=False)
    assert replay([Received(FRIDAY)], CAL, explain=False).notes == ()


def test_replay_refuses_a_log_that_does_not_start_with_its_receipt() -> None:
    with pytest.raises(RuleError, match="必须以“收到申请”开始"):
        replay([ExtensionApproved(FRIDAY)], CAL)


# ------------------------------------------------------------------ open state


def test_a_running_request_has_no_open_state() -> None:
    assert open_state(replay([Received(FRIDAY)], CAL), D(2025, 10, 20)) is None


def test_a_request_waiting_for_its_correction_has_no_due_date() -> None:
    replayed = replay([Received(FRIDAY), CorrectionRequested(D(2025, 9, 29), D(2025, 10, 20))], CAL)
    waiting = open_state(replayed, D(2025, 10, 10))
    assert waiting is not None and waiting.state is RequestState.AWAITING_CORRECTION
    assert waiting.due is None and waiting.steps[-1].start == D(2025, 10, 10)
    ended = open_state(replayed, D(2025, 10, 21))
    assert ended is not None and ended.state is RequestState.ENDED_NO_CORRECTION
    assert ended.outcome == "other.no_correction"


def test_an_unpaid_fee_ends_the_request_in_the_row_of_its_years_format() -> None:
    assert ended_outcome(2025, "other.no_fee_paid") == "other.no_fee_paid"
    assert ended_outcome(2020, "other.no_fee_paid") == "other"
    replayed = replay([Received(FRIDAY), FeeNoticeSent(D(2025, 9, 29))], CAL, explain=False)
    ended = open_state(replayed, D(2025, 12, 31), explain=False)
    assert ended is not None and ended.state is RequestState.ENDED_FEE_UNPAID and ended.steps == ()


# ------------------------------------------------------------------ count


def test_overlapping_pauses_merge_and_an_open_one_runs_to_as_of() -> None:
    a = Pause("other", "", D(2025, 10, 13), D(2025, 10, 15), "甲", "")
    b = Pause("agency", "", D(2025, 10, 14), None, "乙", "")
    (span,) = merge_pauses([b, a], D(2025, 10, 20))
    assert span[:2] == (D(2025, 10, 13), D(2025, 10, 20)) and span[2] == [a, b]


def test_the_count_agrees_with_the_fast_path_and_tiles_its_days() -> None:
    pauses = [(D(2025, 10, 13), D(2025, 10, 17))]
    replayed = replay([Received(FRIDAY), ExtensionApproved(FRIDAY), Paused(*pauses[0])], CAL)
    counted = count(replayed, FRIDAY, CAL)
    assert counted.limit == 40 and not counted.paused_now
    assert counted.due == due_date(FRIDAY, pauses, extended=True, calendar=CAL)
    tiles = [s for s in counted.steps if s.kind in (StepKind.COUNT, StepKind.PAUSE)]
    assert sum(s.counted for s in tiles) == 40 and tiles[-1].end == counted.due


def test_an_open_consultation_pauses_the_count_on_as_of() -> None:
    replayed = replay([Received(FRIDAY), AgencyConsulted(D(2025, 10, 13))], CAL)
    assert count(replayed, D(2025, 10, 20), CAL).paused_now
    assert not count(replayed, D(2025, 10, 10), CAL).paused_now


def test_an_extension_after_the_period_ran_out_is_refused_by_the_count() -> None:
    replayed = replay([Received(FRIDAY), ExtensionApproved(D(2025, 11, 28))], CAL)
    with pytest.raises(RuleError, match="已经逾期"):
        count(replayed, FRIDAY, CAL)


# ------------------------------------------------------------------ conclusion


def test_an_article_35_due_date_replaces_the_statutory_one_and_the_due_line_comes_last() -> None:
    log = [Received(FRIDAY), CustomDueDateSet(D(2025, 10, 9), D(2025, 12, 31), "数量巨大")]
    replayed = replay(log, CAL)
    counted = count(replayed, FRIDAY, CAL)
    result = conclude(replayed, counted, D(2026, 1, 5), CAL)
    assert result.statutory_due == counted.due and result.due == D(2025, 12, 31)
    assert result.custom and result.overdue and result.workdays_left is not None
    assert result.steps[-1].kind is StepKind.DUE and "已逾期" in result.steps[-1].text
    assert [s.start for s in result.steps[:-1]] == sorted(s.start for s in result.steps[:-1])


def test_an_article_35_due_date_before_the_statutory_one_is_refused() -> None:
    log = [Received(FRIDAY), CustomDueDateSet(D(2025, 10, 9), D(2025, 10, 10))]
    replayed = replay(log, CAL)
    with pytest.raises(RuleError, match="不能早于法定答复期限"):
        conclude(replayed, count(replayed, FRIDAY, CAL), FRIDAY, CAL)
