"""PatientSummary -> Markdown with headings. No names, addresses, identifiers or calendar dates: ages and
times relative to the first cancer diagnosis (day 0) only."""

from __future__ import annotations

import datetime as dt

from corpora.patients.patient_summary import Course, PatientSummary

# HIPAA Safe Harbor: ages over 89 are aggregated, they are rare enough to identify someone.
_MAX_AGE = 90
_MAX_TIMELINE_EVENTS = 60


def relative(day: dt.date | None, index: dt.date | None) -> str:
    if day is None or index is None:
        return "date unknown"
    days = (day - index).days
    if days == 0:
        return "day 0"
    sign = "+" if days > 0 else "-"
    size = abs(days)
    if size < 60:
        return f"{sign}{size} days"
    months = round(size / 30.44)
    if months < 24:
        return f"{sign}{months} months"
    years, months = divmod(months, 12)
    return f"{sign}{years} years" + (f" {months} month{'s' if months > 1 else ''}" if months else "")


def age_at(birth: dt.date | None, day: dt.date | None) -> str | None:
    if birth is None or day is None or day < birth:
        return None
    years = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return f"{_MAX_AGE} or older" if years >= _MAX_AGE else str(years)


def _when(summary: PatientSummary, day: dt.date | None) -> str:
    text = relative(day, summary.index_date)
    age = age_at(summary.birth_date, day)
    return f"{text} (age {age})" if age else text


def _span(summary: PatientSummary, course: Course) -> str:
    index = summary.index_date
    if course.count == 1 or course.first == course.last:
        times = "" if course.count == 1 else f"{course.count} times "
        return f"{times}at {relative(course.first, index)}"
    return f"{course.count} times from {relative(course.first, index)} to {relative(course.last, index)}"


def _course_line(summary: PatientSummary, course: Course, noun: str = "") -> str:
    parts = [f"- {course.name}: {noun}{_span(summary, course)}"]
    if course.status:
        parts.append(f"status {course.status}")
    if course.reasons:
        parts.append("indication: " + ", ".join(course.reasons))
    line = "; ".join(parts) + "."
    if course.details:
        line += " Activities: " + "; ".join(course.details) + "."
    return line


def _overview(summary: PatientSummary) -> list[str]:
    lines = []
    if summary.sex:
        lines.append(f"- Sex: {summary.sex}.")
    cancers = summary.cancers
    first = min((c.onset for c in cancers if c.onset), default=None)
    if cancers:
        age = age_at(summary.birth_date, first)
        if age:
            lines.append(f"- Age at first cancer diagnosis: {age}.")
        names = [f"{c.name} ({c.stage})" if c.stage else c.name for c in cancers]
        lines.append("- Cancer diagnoses: " + "; ".join(names) + ".")
    else:
        lines.append("- No cancer diagnosis recorded.")
    if summary.is_deceased:
        death = f"- Deceased at {_when(summary, summary.deceased)}" if summary.deceased else "- Deceased"
        lines.append(
            death + (f"; cause of death: {summary.cause_of_death}." if summary.cause_of_death else ".")
        )
    else:
        lines.append("- Alive at the last record.")
    day0 = "the first cancer diagnosis" if cancers else "the first recorded diagnosis or procedure"
    lines.append(f"- Times are relative to {day0} (day 0); no calendar dates are kept.")
    return lines


def _diagnoses(summary: PatientSummary) -> list[str]:
    lines = []
    for group, items in (
        ("Cancer", summary.cancers),
        ("Other conditions", [d for d in summary.diagnoses if not d.is_cancer]),
    ):
        if not items:
            continue
        lines += ["", f"### {group}", ""]
        for d in items:
            line = f"- {d.name}: onset {_when(summary, d.onset)}"
            if d.stage:
                line += f"; {d.stage}"
            if d.abated:
                line += f"; resolved at {relative(d.abated, summary.index_date)}"
            elif d.status:
                line += f"; {d.status}"
            lines.append(line + ".")
    return lines


def _observations(summary: PatientSummary) -> list[str]:
    lines = []
    index = summary.index_date
    for s in summary.observations:
        line = f"- {s.name}: {s.latest_value} at {relative(s.latest_date, index)}"
        if s.count > 1:
            line += f" ({s.count} results"
            if s.first_value:
                line += f"; first {s.first_value} at {relative(s.first_date, index)}"
            line += ")"
        lines.append(line + ".")
    return lines


def _timeline(summary: PatientSummary) -> list[str]:
    events: list[tuple[dt.date, int, str]] = []
    for d in summary.diagnoses:
        if d.onset:
            events.append((d.onset, 0, f"Diagnosis: {d.name}" + (f" ({d.stage})" if d.stage else "")))
    for label, courses in (("Procedure", summary.procedures), ("Medication", summary.medications)):
        for c in courses:
            if c.first:
                events.append((c.first, 1, f"{label}{' started' if c.count > 1 else ''}: {c.name}"))
    for c in summary.care_plans:
        if c.first:
            events.append((c.first, 2, f"Care plan started: {c.name}"))
    if summary.deceased:
        events.append(
            (
                summary.deceased,
                3,
                "Death" + (f" ({summary.cause_of_death})" if summary.cause_of_death else ""),
            )
        )
    events.sort()
    # Keep the oncology-relevant end of a long life: the most recent events.
    events = events[-_MAX_TIMELINE_EVENTS:]
    return [f"- {relative(day, summary.index_date)}: {text}." for day, _, text in events]


def render_summary(summary: PatientSummary) -> str:
    """The summary as Markdown: ## Overview, Diagnoses, Biomarkers and observations, Treatments, Medications,
    Care plans, Timeline (empty sections are left out)."""
    blocks: list[tuple[str, list[str]]] = [
        ("Overview", _overview(summary)),
        ("Diagnoses", _diagnoses(summary)),
        ("Biomarkers and observations", _observations(summary)),
        ("Treatments", [_course_line(summary, c) for c in summary.procedures]),
        ("Medications", [_course_line(summary, c, "ordered ") for c in summary.medications]),
        ("Care plans", [_course_line(summary, c) for c in summary.care_plans]),
        ("Timeline", _timeline(summary)),
    ]
    out: list[str] = []
    for heading, lines in blocks:
        if lines:
            out += [f"## {heading}", "", *[line for line in lines], ""]
    return "\n".join(out).replace("\n\n\n", "\n\n").strip() + "\n"
