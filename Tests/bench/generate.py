#!/usr/bin/env python3
"""Generates a synthetic county, deterministically from a seed, twice over:
- `signpost/Content/`: Signpost content (a national library, areas with their own
  agencies, schools listing ~70 agencies with a few overrides, services and a long page);
- `hugo/`: the same output pages as plain Markdown with front matter, overrides already
  applied, one file per page, with a minimal layout producing comparable HTML.

Usage: generate.py OUT_DIR --schools N [--seed S]
"""
import argparse
import pathlib
import random
import shutil

TOPICS = ["mental-health", "bullying", "online-safety", "domestic-abuse", "exploitation", "radicalisation",
          "fgm", "send", "bereavement", "young-carers", "attendance", "private-fostering", "parenting",
          "sexual-violence", "gender-identity", "hate-crime", "stalking", "family-in-prison", "courts", "substance-misuse"]
LEVELS = ["universal", "additional", "targeted", "specialist"]
WORDS = ("family support help advice school child young people parent carer health service local community team "
         "worker referral safe wellbeing listen talk group session course home visit confidential free").split()


class County:
    def __init__(self, seed, schools):
        self.r = random.Random(seed)
        self.schools = schools

    def words(self, n):
        return " ".join(self.r.choice(WORDS) for _ in range(n))

    def sentence(self):
        s = self.words(self.r.randint(8, 18))
        return s[0].upper() + s[1:] + "."

    def phone(self):
        return f"01905 {self.r.randint(100000, 999999)}"

    def body(self, name, size):
        """Markdown of about `size` bytes: paragraphs, a list, links and a table."""
        parts = [f"## About {name}", " ".join(self.sentence() for _ in range(4))]
        parts.append("### How they help\n\n" + "\n".join(f"- {self.sentence()}" for _ in range(5)))
        parts.append(f"Read more on [their website](https://www.example-{self.r.randint(1, 999)}.org.uk/help) "
                     f"or call {self.phone()}.")
        rows = "\n".join(f"| {self.words(2)} | {self.words(3)} | {self.phone()} |" for _ in range(4))
        parts.append("| Service | When | Phone |\n| --- | --- | --- |\n" + rows)
        while sum(len(p) for p in parts) < size:
            parts.append(" ".join(self.sentence() for _ in range(3)))
        return "\n\n".join(parts) + "\n"

    def agency(self, ident, name, area_levels=True):
        return {
            "id": ident, "name": name, "summary": self.sentence(),
            "phone": self.phone(), "website": f"https://www.{ident}.example.org.uk/",
            "email": f"help@{ident}.example.org.uk",
            "levels": [self.r.choice(LEVELS)], "topics": self.r.sample(TOPICS, self.r.randint(1, 3)),
            "body": self.body(name, self.r.randint(1000, 3000)),
        }


def front_matter(entry, extra=""):
    return ("---\n"
            f"name: \"{entry['name']}\"\nsummary: \"{entry['summary']}\"\n"
            f"phones:\n  - number: \"{entry['phone']}\"\n    label: Helpline\n    hours: Monday to Friday, 9am to 5pm\n"
            f"emails:\n  - address: {entry['email']}\n"
            f"websites: [\"{entry['website']}\"]\nreferral: [self, school]\ncost: Free\n"
            f"levels: [{', '.join(entry['levels'])}]\ntopics: [{', '.join(entry['topics'])}]\nreviewed: 2026-09-01\n"
            f"{extra}---\n")


def hugo_page(path, title, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: \"{title}\"\n---\n{text}", encoding="utf-8")


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – Early Help Offers</title><link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
<body><a class="skip-link" href="#main">Skip to main content</a>
<header><p>{{ .Site.Title }}</p></header>
<nav aria-label="Breadcrumb"><a href="{{ "/" | relURL }}">Home</a></nav>
<main id="main"><h1>{{ .Title }}</h1>
<section class="get-help-now" aria-labelledby="help"><h2 id="help">Get help now</h2>
<ul><li>If a child is in immediate danger <a href="tel:999">999</a></li><li>Family Front Door <a href="tel:01905822666">01905 822666</a></li></ul></section>
{{ block "main" . }}{{ end }}</main>
<footer><p>Offer last reviewed 1 September 2026</p><a href="{{ "accessibility/" | relURL }}">Accessibility statement</a></footer>
</body></html>
"""
HUGO_SINGLE = '{{ define "main" }}{{ .Content }}{{ end }}\n'


def generate(out, schools, seed):
    county = County(seed, schools)
    r = county.r
    if out.exists():
        shutil.rmtree(out)
    content = out / "signpost" / "Content"
    hugo = out / "hugo"
    (content / "agencies").mkdir(parents=True)
    (content / "site.yml").write_text("title: Synthetic county\nlanguage: en-GB\n")
    (content / "topics.yml").write_text("".join(
        f"- id: {t}\n  name: {t.replace('-', ' ').capitalize()}\n  description: Help with {t.replace('-', ' ')}.\n"
        + ("  sensitive: true\n" if t in ("domestic-abuse", "sexual-violence", "exploitation") else "") for t in TOPICS))

    national = [county.agency(f"national-{i:02d}", f"National Helpline {i}") for i in range(60)]
    for a in national:
        (content / "agencies" / f"{a['id']}.md").write_text(front_matter(a) + a["body"])
    areas = {}
    for area in ("northshire", "southshire"):
        folder = content / "areas" / area
        (folder / "agencies").mkdir(parents=True)
        levels = "".join(f"  - id: {l}\n    name: {area.capitalize()} {l}\n    description: {county.sentence()}\n" for l in LEVELS)
        (folder / "area.md").write_text(
            f"---\nname: {area.capitalize()}\nget_help_now:\n  - label: If a child is in immediate danger\n    phone: \"999\"\n"
            f"  - label: Family Front Door\n    phone: \"01905 822666\"\nlevels:\n{levels}---\nThe {area} area.\n")
        agencies = [county.agency(f"{area}-{i:02d}", f"{area.capitalize()} Service {i}") for i in range(80)]
        for a in agencies:
            (folder / "agencies" / f"{a['id']}.md").write_text(front_matter(a) + a["body"])
        areas[area] = agencies

    hugo_content = hugo / "content"
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "layouts" / "_default" / "baseof.html").write_text(HUGO_BASEOF)
    (hugo / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (hugo / "layouts" / "_default" / "list.html").write_text(HUGO_SINGLE)
    (hugo / "static").mkdir()
    (hugo / "static" / "style.css").write_text("body{font-family:system-ui;max-width:60em;margin:auto}\n")
    (hugo / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Synthetic county"\nrelativeURLs = true\n'
                                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "section", "404", "robotsTXT"]\n')
    hugo_page(hugo_content / "_index.md", "Early Help Offers", "\n".join(f"- [School {i}](school-{i:04d}/)" for i in range(schools)) + "\n")
    hugo_page(hugo_content / "accessibility.md", "Accessibility statement", county.body("this site", 3000))

    for i in range(schools):
        sid = f"school-{i:04d}"
        area = "northshire" if i % 2 == 0 else "southshire"
        folder = content / "schools" / sid
        (folder / "services").mkdir(parents=True)
        (folder / "agencies").mkdir()
        (folder / "pages").mkdir()
        pool = national + areas[area]
        chosen = r.sample(pool, 70)
        overrides = {}
        for a in r.sample(chosen, r.randint(3, 5)):
            o = {"cost": f"£{r.randint(1, 9) * 50} per term"}
            if r.random() < 0.4:
                o["phone"] = county.phone()
            if r.random() < 0.5:
                o["append"] = f"At our school, ask {county.words(2)} to refer you. {county.sentence()}\n"
            overrides[a["id"]] = o
            text = f"---\ncost: \"{o['cost']}\"\n"
            if "phone" in o:
                text += f"phones:\n  - number: \"{o['phone']}\"\n    label: School referral line\n"
            text += ("body: append\n---\n" + o["append"]) if "append" in o else "---\n"
            (folder / "agencies" / f"{a['id']}.md").write_text(text)
        intro = " ".join(county.sentence() for _ in range(6))
        (folder / "school.md").write_text(
            f"---\nname: School {i}\nphase: Primary school\narea: {area}\nphone: \"{county.phone()}\"\n"
            f"email: office@{sid}.example.sch.uk\npeople:\n  - name: Head {i}\n    roles: [headteacher, dsl]\n"
            f"    phone: \"{county.phone()}\"\nagencies: [{', '.join(a['id'] for a in chosen)}]\nreviewed: 2026-09-01\n"
            f"next_review: 2027-09-01\n---\n{intro}\n")
        services = []
        for k in range(10):
            s = county.agency(f"service-{k}", f"School service {k}")
            services.append(s)
            (folder / "services" / f"{s['id']}.md").write_text(front_matter(s).replace("referral: [self, school]\n", "referral: [self]\n") + s["body"])
        long_page = "\n\n".join(f"## {n + 1}. {county.words(3).capitalize()}\n\n" + county.body(f"section {n + 1}", 900)
                                for n in range(r.randint(16, 30)))
        (folder / "pages" / "policy.md").write_text(f"---\ntitle: Safeguarding policy\n---\n{long_page}")

        # The same output pages for Hugo, each written out in full.
        h = hugo_content / sid
        entries = chosen + services
        hugo_page(h / "_index.md", f"School {i} Early Help Offer",
                  intro + "\n\n" + "\n".join(f"- [{e['name']}]({'services' if e in services else 'agencies'}/{e['id']}/): {e['summary']}" for e in entries) + "\n")
        for level in LEVELS:
            listed = [e for e in entries if level in e["levels"]]
            hugo_page(h / "levels" / f"{level}.md", f"{area.capitalize()} {level}",
                      "\n".join(f"- [{e['name']}](../../agencies/{e['id']}/): {e['summary']} Call {overrides.get(e['id'], {}).get('phone', e['phone'])}." for e in listed) + "\n")
        for topic in TOPICS:
            listed = [e for e in entries if topic in e["topics"]]
            if listed:
                hugo_page(h / "topics" / f"{topic}.md", topic.replace("-", " ").capitalize(),
                          "\n".join(f"- [{e['name']}](../../agencies/{e['id']}/): {e['summary']} Call {overrides.get(e['id'], {}).get('phone', e['phone'])}." for e in listed) + "\n")
        for a in chosen:
            o = overrides.get(a["id"], {})
            text = a["body"] + ("\n" + o["append"] if "append" in o else "")
            hugo_page(h / "agencies" / f"{a['id']}.md", a["name"],
                      f"{a['summary']}\n\nCall {o.get('phone', a['phone'])}, email <{a['email']}>. Cost: {o.get('cost', 'Free')}.\n\n{text}")
        for s in services:
            hugo_page(h / "services" / f"{s['id']}.md", s["name"], f"{s['summary']}\n\nCall {s['phone']}, email <{s['email']}>. Cost: Free.\n\n{s['body']}")
        hugo_page(h / "pages" / "policy.md", "Safeguarding policy", long_page)
        hugo_page(h / "handout.md", f"School {i}: where to get help",
                  "\n".join(f"- {e['name']} {overrides.get(e['id'], {}).get('phone', e['phone'])} {e['website']}" for e in entries) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--schools", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    generate(args.out, args.schools, args.seed)


if __name__ == "__main__":
    main()
