"""imsmanifest.xml for a SCORM 1.2 package: one organisation, one item and SCO per module.

Identifiers are derived from the course name and the module slugs only, never from the edition,
so that an administrator who replaces the package in Moodle with a newer edition keeps the
learners' tracking (Moodle matches the SCOs of the new package to the old by identifier). The
edition goes where an edition belongs: the manifest's `version`, the metadata record and the
organisation's title.
"""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ctip.project import Edition

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
SCHEMA_FILES = {
    IMSCP: "imscp_rootv1p1p2.xsd",
    IMSMD: "imsmd_rootv1p2p1.xsd",
    ADLCP: "adlcp_rootv1p2.xsd",
}
SHARED = "ctip-shared-assets"  # the one resource of files every SCO uses


@dataclass(frozen=True)
class Sco:
    slug: str  # "modules/understanding-trafficking"
    title: str  # in the package's language
    href: str  # "modules/understanding-trafficking.html"
    pass_mark: int


def identifier(*parts: str) -> str:
    """An XML ID (an NCName) from names: letters, digits, '-', '_' and '.', a letter first."""
    text = "-".join(re.sub(r"[^A-Za-z0-9_.-]+", "-", part).strip("-") for part in parts)
    return text if re.match(r"[A-Za-z_]", text) else "id-" + text


def item_id(slug: str) -> str:
    return identifier("item", slug.removeprefix("modules/"))


def resource_id(slug: str) -> str:
    return identifier("sco", slug.removeprefix("modules/"))


def build(
    course: str,
    language: str,
    title: str,
    edition: Edition,
    scos: list[Sco],
    shared_files: list[str],
) -> bytes:
    """The manifest, as UTF-8 bytes. `title`: the organisation's title, in the language."""
    for prefix, uri in (("", IMSCP), ("adlcp", ADLCP), ("imsmd", IMSMD), ("xsi", XSI)):
        ET.register_namespace(prefix, uri)

    def cp(parent, tag, attrs=None, text=None):
        element = ET.SubElement(parent, f"{{{IMSCP}}}{tag}", attrs or {})
        element.text = text
        return element

    def md(parent, tag, text=None, lang=None):
        element = ET.SubElement(parent, f"{{{IMSMD}}}{tag}")
        if text is not None:
            string = ET.SubElement(element, f"{{{IMSMD}}}langstring", {f"{{{XML}}}lang": lang})
            string.text = text
        return element

    organisation = identifier(course, "organisation")
    manifest = ET.Element(
        f"{{{IMSCP}}}manifest",
        {
            "identifier": identifier(course, language),
            "version": edition.version,
            f"{{{XSI}}}schemaLocation": " ".join(
                f"{uri} {file}" for uri, file in SCHEMA_FILES.items()
            ),
        },
    )
    metadata = cp(manifest, "metadata")
    cp(metadata, "schema", text="ADL SCORM")
    cp(metadata, "schemaversion", text="1.2")
    lom = ET.SubElement(metadata, f"{{{IMSMD}}}lom")
    general = md(lom, "general")
    md(general, "title", title, language)
    ET.SubElement(general, f"{{{IMSMD}}}language").text = language
    lifecycle = md(lom, "lifecycle")
    md(lifecycle, "version", edition.version, "x-none")
    contribute = md(lifecycle, "contribute")
    role = md(contribute, "role")
    md(role, "source", "LOMv1.0", "x-none")
    md(role, "value", "Publisher", "x-none")
    date = md(contribute, "date")
    ET.SubElement(date, f"{{{IMSMD}}}datetime").text = edition.date.isoformat()

    organisations = cp(manifest, "organizations", {"default": organisation})
    tree = cp(organisations, "organization", {"identifier": organisation})
    cp(tree, "title", text=title)
    for sco in scos:
        item = cp(
            tree,
            "item",
            {"identifier": item_id(sco.slug), "identifierref": resource_id(sco.slug)},
        )
        cp(item, "title", text=sco.title)
        ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(sco.pass_mark)

    resources = cp(manifest, "resources")
    for sco in scos:
        resource = cp(
            resources,
            "resource",
            {
                "identifier": resource_id(sco.slug),
                "type": "webcontent",
                f"{{{ADLCP}}}scormtype": "sco",
                "href": sco.href,
            },
        )
        cp(resource, "file", {"href": sco.href})
        cp(resource, "dependency", {"identifierref": SHARED})
    shared = cp(
        resources,
        "resource",
        {"identifier": SHARED, "type": "webcontent", f"{{{ADLCP}}}scormtype": "asset"},
    )
    for path in shared_files:
        cp(shared, "file", {"href": path})

    ET.indent(manifest)
    text = ET.tostring(manifest, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")
