#!/usr/bin/env python3
"""Extracts every phone number, email and web address from the seed documents
into Tests/Fixtures/seed-contacts/<school>.json, split into the ones that must
reach the site and the ones that cannot work for a family (with the reason).

Run it when the seeds change (they live in ../shared/seeds beside the repo);
the committed JSON lets the fidelity test run on any clone without the seeds.
Decisions that are not mechanical (a working link deliberately left out) are
listed in DROPPED below and explained in Content/NOTES.md.
"""
import json
import pathlib
import re
import sys

SEEDS = {
    "droitwich-spa-high": ["000_d1c128d58d8ce508.txt"],
    "westlands-first": ["001_08de4eb68cf9b2b7.txt", "003_a889101b7d9936b4.txt"],
    "stoke-prior-first": ["002_542f3553e26e881d.txt"],
}

EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL = re.compile(r"(?:https?:/*|www\.)[^\s<>\"'()\[\]]+|file:/+[^\s]+|[A-Z]:\\[^\s]+", re.I)
PHONE = re.compile(r"(?<![\d£.,/])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[ -]?\d){8,9}(?![\d/])|(?<!\d)116 ?\d{3}(?!\d)|(?<!\d)0800 ?1111(?!\d)")

# The Word extraction glued or split words inside some addresses; the content publishes the
# repaired address (listed in Content/NOTES.md), so that is what must reach the site.
REPAIRED = {
    "emails": {"info@worcestershirehome-educators.co.uk": "info@worcestershire-home-educators.co.uk"},
    "urls": {
        "nhs.uk/Conditions/female-genitalmutilation": "nhs.uk/conditions/female-genital-mutilation",
        "nspcc.org.uk/preventing-abuse/keepingchildren-": "nspcc.org.uk/preventing-abuse/keeping-children-safe/sexting",
        "nspcc.org.uk/preventing-abuse/keepingchildren-safe/sexting": "nspcc.org.uk/preventing-abuse/keeping-children-safe/sexting",
        "nspcc.org.uk/preventing-abuse/keepingchildrensafe/sexting": "nspcc.org.uk/preventing-abuse/keeping-children-safe/sexting",
        "gov.uk/government/publications/criminalexploitation-of-children-and-vulnerable-adults-county-lines":
            "gov.uk/government/publications/criminal-exploitation-of-children-and-vulnerable-adults-county-lines",
        "worcestershire.gov.uk/info/20595/behaviour_and_at_tendance/293/children_missing_education":
            "worcestershire.gov.uk/info/20595/behaviour_and_attendance/293/children_missing_education",
        "hacw.nhs.uk/a-toz/letter-s": "hacw.nhs.uk/a-to-z/letter-s",
        "ehmp.ortal.worcschildrenfirst.org.uk/web/portal/pages/professionaltehr#ssa":
            "ehmportal.worcschildrenfirst.org.uk/web/portal/pages/professionaltehr#ssa",
        "solgrid.org.uk/education/safeguarding/childprotection": "solgrid.org.uk/education/safeguarding/child-protection",
        "assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/file/117793/missing-personsstrategy":
            "assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/file/117793/missing-persons-strategy",
        "nhs.uk/conditions/Fabricated-orinduced-illness": "nhs.uk/conditions/fabricated-or-induced-illness",
        "nhs.uk/conditions/Fabricated-or-induced-illness": "nhs.uk/conditions/fabricated-or-induced-illness",
        "gov.uk/government/publications/national-actionplan-":
            "gov.uk/government/publications/national-action-plan-to-tackle-child-abuse-linked-to-faith-or-belief",
        "gov.uk/government/publications/national-actionplan-to-tackle-child-abuse-linked-to-faith-or-belief":
            "gov.uk/government/publications/national-action-plan-to-tackle-child-abuse-linked-to-faith-or-belief",
        "gov.uk/government/publications/missi": "gov.uk/government/publications/missing-children-and-adults-strategy",
        # "https://hollieguard.com/Children & Teens": the words after the address are its label.
        "hollieguard.com/Children": "hollieguard.com",
    },
}

# Working addresses deliberately not published, with the reason (see Content/NOTES.md).
DROPPED = {
    school: {
        "emails": {
            "counter.extremism@education.gsi.gov.uk": "the gsi.gov.uk mail domain was switched off in 2019",
            "sanemail@org.uk": "not a valid address (no domain before org.uk)",
            "fm@fco.gov.uk": "a typo for fmu@fco.gov.uk, which is published",
        },
        "phones": {"0845767800": "SANE's number has only 10 digits; a digit is missing"},
        "urls": {
            "worcesterma.gov/youth-opportunities/youth-violence-prevention": "Worcester, Massachusetts (USA), not a UK service",
            "gscb.org.uk": "Gloucestershire staff training, not for families",
        },
    }
    for school in SEEDS
}


def normalise_url(url):
    url = url.strip().rstrip(".,;:)")
    url = re.sub(r"^https?:/*", "", url, flags=re.I)
    url = re.sub(r"^www\.", "", url, flags=re.I)
    host, _, path = url.partition("/")
    return (host.lower() + ("/" + path if path else "")).rstrip("/")


def broken(url):
    lower = url.lower()
    if lower.startswith("file:") or re.match(r"^[a-z]:\\", lower):
        return "a file on a computer or network drive"
    if re.match(r"^https?:/*[^./]+(/|$)", lower):
        return "an intranet address"
    return None


def extract(text):
    found = {"phones": set(), "emails": set(), "urls": set()}
    dropped = []
    text = text.replace("\u00a0", " ")
    for match in URL.finditer(text):
        url = match.group(0).rstrip(".,;:")
        reason = broken(url)
        if reason:
            dropped.append({"value": url, "reason": reason})
        else:
            found["urls"].add(normalise_url(url))
    without_urls = URL.sub(" ", text)
    for match in EMAIL.finditer(without_urls):
        found["emails"].add(match.group(0).lower().rstrip("."))
    for match in PHONE.finditer(EMAIL.sub(" ", without_urls)):
        digits = re.sub(r"\D", "", match.group(0))
        if digits.startswith("44"):
            digits = "0" + digits[2:]
        found["phones"].add(digits)
    return found, dropped


def main():
    repo = pathlib.Path(__file__).resolve().parents[2]
    seeds = repo.parent / "shared" / "seeds"
    if not seeds.is_dir():
        sys.exit(f"no seeds at {seeds}")
    out = repo / "Tests" / "Fixtures" / "seed-contacts"
    out.mkdir(parents=True, exist_ok=True)
    for school, files in SEEDS.items():
        merged = {"phones": set(), "emails": set(), "urls": set()}
        dropped = []
        for name in files:
            found, lost = extract((seeds / name).read_text(encoding="utf-8"))
            for key in merged:
                merged[key] |= found[key]
            dropped += lost
        for key, repairs in REPAIRED.items():
            for seed_form, published in repairs.items():
                if seed_form in merged[key]:
                    merged[key].discard(seed_form)
                    merged[key].add(published)
        for key, values in DROPPED.get(school, {}).items():
            for value, reason in values.items():
                if value not in merged[key]:
                    continue
                merged[key].discard(value)
                dropped.append({"value": value, "reason": reason})
        data = {key: sorted(values) for key, values in merged.items()}
        data["not_published"] = sorted(dropped, key=lambda d: d["value"])
        (out / f"{school}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"{school}: {len(data['phones'])} phones, {len(data['emails'])} emails, {len(data['urls'])} web addresses, {len(dropped)} not published")


if __name__ == "__main__":
    main()
