"""`signpost export oruk` on the seed content: every file of every area's and every school's
feed is valid against the official HSDS 3.0 schemas and the Open Referral UK profile's
(kept unmodified in schemas/, see SOURCE.md), with Draft 2020-12 and format checking; broken
copies fail; ids are the UUIDv5 of the entry's path; two exports are the same bytes."""
import copy
import json
import os
import pathlib
import subprocess
import uuid

import jsonschema
import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(os.environ.get("SIGNPOST_BIN", REPO / ".build" / "debug" / "signpost")).resolve()
SCHEMAS = pathlib.Path(__file__).resolve().parent / "schemas"
PROFILES = ["hsds-3.0", "uk-profile"]
AREAS = sorted(p.name for p in (REPO / "Content" / "areas").iterdir() if (p / "area.md").is_file())
SCHOOLS = sorted(p.name for p in (REPO / "Content" / "schools").iterdir() if (p / "school.md").is_file())
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER


def export(out, *args):
    result = subprocess.run([str(BIN), "export", "oruk", "--content", str(REPO / "Content"), "--output", str(out), *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("oruk") / "feeds"
    export(out)
    return out


def load(name, profile):
    return json.loads((SCHEMAS / profile / name).read_text())


def validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=FORMATS)


def schemas(profile):
    """The service, the paged list and the `/` endpoint, as the profile's files define them."""
    openapi = load("openapi.json", profile)
    page = openapi["components"]["schemas"]["Page"]
    wrapper = {"allOf": [page], "type": "object",
               "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
               "properties": {"contents": {"type": "array", "items": load("compiled/service_list.json", profile)}}}
    root = openapi["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    root = dict(root, required=["version", "profile"])
    return {"service": validator(load("compiled/service.json", profile)), "list": validator(wrapper), "index": validator(root)}


VALIDATORS = {profile: schemas(profile) for profile in PROFILES}


def kind(path):
    name = pathlib.PurePath(path)
    if name.name == "index.json":
        return "list" if name.parent.name == "services" else "index"
    return "service"


def test_format_checking_is_really_on():
    # Without rfc3986-validator and rfc3339-validator, jsonschema silently skips "uri" and "date-time".
    for name in ["uuid", "uri", "email", "date-time"]:
        assert name in FORMATS.checkers, f"format {name} is not checked: install Tests/oruk/requirements.txt"
    assert not FORMATS.conforms("not a uri", "uri")


def test_every_area_and_school_has_a_feed(exported):
    folders = sorted(str(p.parent.relative_to(exported)) for p in exported.rglob("index.json") if p.parent.name != "services")
    assert folders == sorted([f"areas/{a}" for a in AREAS] + [f"schools/{s}" for s in SCHOOLS])
    for folder in folders:
        listed = json.loads((exported / folder / "services" / "index.json").read_text())
        ids = sorted(item["id"] for item in listed["contents"])
        assert ids and listed["total_items"] == len(ids) == listed["size"]
        assert sorted(p.stem for p in (exported / folder / "services").glob("*.json") if p.name != "index.json") == ids


@pytest.mark.parametrize("profile", PROFILES)
def test_every_exported_file_is_valid(exported, profile):
    checked = 0
    for path, data in files(exported).items():
        if not path.endswith(".json"):
            continue
        errors = [e.message for e in VALIDATORS[profile][kind(path)].iter_errors(json.loads(data))]
        assert not errors, f"{path} against {profile}: {errors[:3]}"
        checked += 1
    assert checked > 100


def first_service(exported):
    return json.loads(next((exported / "areas" / AREAS[0] / "services").glob("*-*.json")).read_text())


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("break_it", ["bad uuid", "unknown status", "bad organisation uuid", "bad web address"])
def test_broken_copies_fail(exported, profile, break_it):
    service = first_service(exported)
    assert not list(VALIDATORS[profile]["service"].iter_errors(service))
    broken = copy.deepcopy(service)
    if break_it == "bad uuid":
        broken["id"] = "samaritans-1"
    elif break_it == "unknown status":
        broken["status"] = "open"
    elif break_it == "bad organisation uuid":
        broken["organization"]["id"] = "1234"
    else:
        broken["url"] = "www.example.org/no scheme"
    assert list(VALIDATORS[profile]["service"].iter_errors(broken)), break_it


def test_ids_are_uuid5_of_the_entry_path(exported):
    listed = json.loads((exported / "areas" / AREAS[0] / "services" / "index.json").read_text())
    by_name = {item["name"]: item for item in listed["contents"]}
    samaritans = by_name["Samaritans"]
    assert samaritans["id"] == str(uuid.uuid5(uuid.NAMESPACE_URL, "urn:signpost:agencies/samaritans.md"))
    assert uuid.UUID(samaritans["id"]).version == 5
    school = SCHOOLS[0]
    theirs = {item["name"]: item["id"] for item in json.loads((exported / "schools" / school / "services" / "index.json").read_text())["contents"]}
    if "Samaritans" in theirs:
        assert theirs["Samaritans"] == str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:signpost:schools/{school}/via/agencies/samaritans.md"))


def test_a_service_carries_what_families_need(exported):
    folder = exported / "areas" / AREAS[0] / "services"
    services = [json.loads(p.read_text()) for p in folder.glob("*-*.json")]
    samaritans = next(s for s in services if s["name"] == "Samaritans")
    assert samaritans["phones"][0]["number"] == "116 123"
    assert samaritans["url"].startswith("https://")
    assert samaritans["organization"]["name"] == "Samaritans"
    assert samaritans["status"] == "active"
    assert any(a["taxonomy_term"]["taxonomy"] == "Signpost topics" for a in samaritans["attributes"])
    assert any(a["link_type"] == "level" for a in samaritans["attributes"])
    assert all(len(s["assured_date"]) == 10 for s in services if "assured_date" in s)
    assert any("application_process" in s for s in services)
    assert any("eligibility_description" in s for s in services)
    # Fields with no value are left out, never written empty.
    def empties(value):
        if isinstance(value, dict):
            return [k for k, v in value.items() if v in ("", [], {}, None)] + [e for v in value.values() for e in empties(v)]
        if isinstance(value, list):
            return [e for v in value for e in empties(v)]
        return []
    assert not [e for s in services for e in empties(s)]


def test_the_uk_profile_drops_phones_which_the_export_keeps(exported):
    # The README says so: a service's phones are in HSDS 3.0, not in the UK profile.
    assert "phones" in load("compiled/service.json", "hsds-3.0")["properties"]
    assert "phones" not in load("compiled/service.json", "uk-profile")["properties"]
    assert "phones" in first_service(exported) or any("phones" in json.loads(p.read_text())
                                                       for p in (exported / "areas" / AREAS[0] / "services").glob("*-*.json"))


def test_two_exports_are_the_same_bytes(exported, tmp_path):
    again = tmp_path / "again"
    export(again)
    assert files(again) == files(exported)


@pytest.mark.parametrize("option", [("--area", a) for a in AREAS] + [("--school", s) for s in SCHOOLS])
def test_one_area_or_school_alone_is_its_feed_from_the_whole_export(exported, tmp_path, option):
    out = tmp_path / "one"
    export(out, *option)
    folder = ("areas/" if option[0] == "--area" else "schools/") + option[1]
    assert files(out) == {k: v for k, v in files(exported / folder).items()} | {".signpost-oruk": (out / ".signpost-oruk").read_bytes()}


def test_a_folder_of_other_files_is_left_alone(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    result = subprocess.run([str(BIN), "export", "oruk", "--content", str(REPO / "Content"), "--output", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "already holds other files" in result.stderr
    assert (out / "notes.txt").read_text() == "keep me"
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    unknown = subprocess.run([str(BIN), "export", "oruk", "--content", str(REPO / "Content"), "--output", str(tmp_path / "x"), "--school", "nowhere"],
                             capture_output=True, text=True, timeout=120)
    assert unknown.returncode == 1 and "no school called \"nowhere\"" in unknown.stderr
