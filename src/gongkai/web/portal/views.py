"""The public 政府信息公开 专栏 (no login): column pages, the online application, the status
look-up by 查询码. Access to one request is held in the session after a successful look-up
(or right after submitting); nothing lists requests."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.core import wallclock
from gongkai.web.applications.services import ApplicantData, FormErrors
from gongkai.web.common.errors import ApplicationError
from gongkai.web.common.files import stored_file_response
from gongkai.web.orgs.models import Agency
from gongkai.web.portal import captcha, ratelimit, selectors, services
from gongkai.web.portal.forms import ApplyForm, CorrectionForm, LookupForm
from gongkai.web.portal.meta import column_meta
from gongkai.web.portal.pdf import render_copy_pdf

SESSION_ACCESS = "portal_access"  # online request ids this browser may see
SESSION_CODES = "portal_codes"  # {id: 查询码} only for requests submitted in this session
LARGE_COOKIE = "gk_large"


def _page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    private: bool = False,
) -> HttpResponse:
    """Render; pages about one request (``private``) are never cached anywhere."""
    response = render(request, template, context, status=status)
    response.headers["Cache-Control"] = "no-store" if private else "max-age=60"
    return response


# --- column index -------------------------------------------------------------------------


def _agency(code: str | None) -> Agency:
    agency = (
        selectors.agency_by_code(code=code) if code is not None else selectors.portal_government()
    )
    if agency is None:
        raise Http404("没有找到该机关的政府信息公开专栏")
    return agency


@require_GET
def column(request: HttpRequest, code: str | None = None) -> HttpResponse:
    agency = _agency(code)
    below = (
        list(selectors.portal_agencies(government=agency).exclude(pk=agency.pk))
        if code is None
        else []
    )
    return _page(
        request,
        "portal/column.html",
        {
            "agency": agency,
            "below": below,
            "meta": column_meta(request, agency, "政府信息公开", "信息公开"),
        },
    )


# --- applying -----------------------------------------------------------------------------


def _agency_choices(q: str = "") -> list[tuple[str, list[tuple[int, str]]]]:
    groups: dict[str, list[tuple[int, str]]] = {}
    for a in selectors.portal_agencies(government=selectors.portal_government(), q=q):
        groups.setdefault(a.kind_label, []).append((a.pk, a.name))
    return list(groups.items())


@require_GET
def apply_index(request: HttpRequest) -> HttpResponse:
    agency = selectors.portal_government()
    return _page(
        request,
        "portal/apply_index.html",
        {"agency": agency, "meta": column_meta(request, agency, "依申请公开", "依法申请公开")},
    )


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    choices = _agency_choices(q)
    government = selectors.portal_government()
    meta = column_meta(request, government, "依申请公开", "依法申请公开", title="在线申请")
    context: dict[str, Any] = {"q": q, "meta": meta, "agency": government, "throttled": False}
    if request.method == "POST":
        form = ApplyForm(request.POST, request.FILES, agencies=_agency_choices())
        key, now = ratelimit.client_key(request), wallclock.now()
        if ratelimit.exceeded(ratelimit.APPLY, key, now):
            context.update(form=form, throttled=True)
            return _page(request, "portal/apply.html", context, status=429, private=True)
        if form.is_valid():
            d = form.cleaned_data
            try:
                submitted = services.online_application_submit(
                    agency=selectors.portal_agency(pk=d["agency"]),
                    applicant=ApplicantData(
                        kind=d["applicant_kind"],
                        name=d["applicant_name"],
                        id_type=d["id_type"],
                        id_number=d["id_number"],
                        phone=d["phone"],
                        email=d["email"],
                        address=d["address"],
                        postcode=d["postcode"],
                    ),
                    subject=d["subject"],
                    requested_form=d["requested_form"],
                    delivery=d["delivery"],
                    purpose=d["purpose"],
                    id_proof=d.get("id_proof"),
                    now=now,
                )
            except FormErrors as exc:
                for name, message in exc.errors.items():
                    form.add_error(name if name in form.fields else None, message)
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                ratelimit.hit(ratelimit.APPLY, key, now)
                ratelimit.purge(now)
                _grant(request, submitted.online.pk, code=submitted.code)
                return redirect("portal:submitted", pk=submitted.online.pk)
    else:
        initial = {}
        preselect = request.GET.get("agency")
        if preselect and preselect.isdigit():
            initial["agency"] = int(preselect)
        form = ApplyForm(agencies=choices, initial=initial)
    context["form"] = form
    status = 400 if form.errors else 200
    return _page(request, "portal/apply.html", context, status=status, private=True)


def _grant(request: HttpRequest, pk: int, *, code: str = "") -> None:
    access = [i for i in request.session.get(SESSION_ACCESS, []) if i != pk][-9:]
    request.session[SESSION_ACCESS] = [*access, pk]
    if code:
        codes = dict(request.session.get(SESSION_CODES, {}))
        codes[str(pk)] = code
        request.session[SESSION_CODES] = codes
    request.session.cycle_key()


def _granted(request: HttpRequest, pk: int) -> Any:
    if pk not in request.session.get(SESSION_ACCESS, []):
        return None
    return selectors.online_request_get(pk=pk)


def _session_code(request: HttpRequest, pk: int) -> str:
    return str(request.session.get(SESSION_CODES, {}).get(str(pk), ""))


@require_GET
def submitted(request: HttpRequest, pk: int) -> HttpResponse:
    online = _granted(request, pk)
    if online is None:
        return redirect("portal:lookup")
    return _page(
        request,
        "portal/submitted.html",
        {
            "online": online,
            "code": _session_code(request, pk),
            "agency": online.application.agency,
            "meta": column_meta(
                request, online.application.agency, "依申请公开", "依法申请公开", title="提交成功"
            ),
        },
        private=True,
    )


@require_GET
def copy_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    online = _granted(request, pk)
    if online is None:
        raise Http404("请先凭查询码查询")
    pdf = render_copy_pdf(online, _session_code(request, pk))
    response = HttpResponse(pdf, content_type="application/pdf")
    response.headers["Content-Disposition"] = 'attachment; filename="application-copy.pdf"'
    response.headers["Cache-Control"] = "no-store"
    return response


# --- looking up ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    key, now = ratelimit.client_key(request), wallclock.now()
    failures = ratelimit.count(ratelimit.FAILED, key, now)
    needs_captcha = failures >= ratelimit.CAPTCHA_AFTER
    government = selectors.portal_government()
    context: dict[str, Any] = {
        "agency": government,
        "meta": column_meta(request, government, "依申请公开", "依法申请公开", title="办理查询"),
    }
    status = 200
    if request.method == "POST":
        form = LookupForm(request.POST)
        blocked = failures >= ratelimit.FAILED.per_window or ratelimit.exceeded(
            ratelimit.LOOKUP, key, now
        )
        if blocked:
            form.add_error(None, "查询过于频繁，请一小时后再试；如有疑问请联系受理机关")
            status = 429
        elif form.is_valid():
            d = form.cleaned_data
            ratelimit.hit(ratelimit.LOOKUP, key, now)
            if needs_captcha and not captcha.check(
                d.get("captcha_token", ""), d.get("captcha_answer", ""), now
            ):
                ratelimit.hit(ratelimit.FAILED, key, now)
                form.add_error("captcha_answer", "验证问题回答不正确，请重新回答")
                status = 400
            else:
                online = selectors.online_request_lookup(
                    code=d["code"], name_or_phone=d["name_or_phone"]
                )
                if online is not None:
                    _grant(request, online.pk)
                    return redirect("portal:status", pk=online.pk)
                ratelimit.hit(ratelimit.FAILED, key, now)
                ratelimit.purge(now)
                needs_captcha = failures + 1 >= ratelimit.CAPTCHA_AFTER
                # One answer for a wrong code and a wrong name (no enumeration).
                form.add_error(None, "查询码与姓名（名称）或联系电话不匹配，请核对后重试")
                status = 400
        else:
            status = 400
    else:
        form = LookupForm()
    if needs_captcha:
        context["captcha_question"], context["captcha_token"] = captcha.new_challenge()
    context["form"] = form
    return _page(request, "portal/lookup.html", context, status=status, private=True)


@require_http_methods(["GET", "POST"])
def status_page(request: HttpRequest, pk: int) -> HttpResponse:
    online = _granted(request, pk)
    if online is None:
        return redirect("portal:lookup")
    correction_form = CorrectionForm()
    code = 200
    if request.method == "POST":
        correction_form = CorrectionForm(request.POST, request.FILES)
        if correction_form.is_valid():
            try:
                services.online_correction_submit(
                    online=online,
                    text=correction_form.cleaned_data["text"],
                    upload=correction_form.cleaned_data.get("file"),
                    today=wallclock.today(),
                )
            except FormErrors as exc:
                for name, message in exc.errors.items():
                    correction_form.add_error(
                        name if name in correction_form.fields else None, message
                    )
            except ApplicationError as exc:
                correction_form.add_error(None, exc.message)
            else:
                return redirect(reverse("portal:status", kwargs={"pk": pk}) + "#corrections")
        code = 400
    view = selectors.public_status(online=online, today=wallclock.today())
    return _page(
        request,
        "portal/status.html",
        {
            "s": view,
            "code": _session_code(request, pk),
            "correction_form": correction_form,
            "agency": online.application.agency,
            "meta": column_meta(
                request, online.application.agency, "依申请公开", "依法申请公开", title="办理情况"
            ),
        },
        status=code,
        private=True,
    )


@require_GET
def status_letter(request: HttpRequest, pk: int, letter: int) -> FileResponse:
    online = _granted(request, pk)
    found = selectors.public_letter(online=online, pk=letter) if online is not None else None
    if found is None:
        raise Http404("没有找到该文书")
    response = stored_file_response(
        found.pdf_file,
        f"{found.number}.pdf",
        "application/pdf",
        missing="文书文件已不在存储中，请联系受理机关",
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@require_POST
def forget(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION_ACCESS, None)
    request.session.pop(SESSION_CODES, None)
    return redirect("portal:lookup")


# --- large text (条例 第四十三条) ------------------------------------------------------------


@require_GET
def large_text(request: HttpRequest) -> HttpResponse:
    target = request.GET.get("next", "")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        target = reverse("portal:index")  # only a path of this site, never a view name or host
    response = HttpResponseRedirect(target)
    if request.GET.get("on") == "1":
        response.set_cookie(LARGE_COOKIE, "1", max_age=365 * 24 * 3600, samesite="Lax")
    else:
        response.delete_cookie(LARGE_COOKIE)
    return response
