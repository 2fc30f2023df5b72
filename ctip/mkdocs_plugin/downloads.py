"""The "Print and PDF" links of the home page and the module pages.

`ctip handbook --output site/downloads` writes the PDFs after the site is built (the Pages
workflow, the offline edition), so the build cannot look for them: `extra.downloads` in
mkdocs.yml (CTIP_DOWNLOADS=true) says they will be there. Then the home page links the handbook,
the handouts and the answer key of the page's language, and each module page the handbook and
its own slides; the file names come from ctip.handbook.files, the same list the command writes.
Without it (a local build, a preview) the same place shows a note that this copy has no PDFs,
so no link leads nowhere.
"""

from mkdocs.utils import get_relative_url

from ctip.handbook.files import planned
from ctip.ui_strings import strings_for

FOLDER = "downloads"


def enabled(config) -> bool:
    value = (config.extra or {}).get("downloads")
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def for_page(site, model, page, language: str, config) -> dict | None:
    """{"title", "links": [(label, href)], "note"} for the home page and module pages, else None."""
    home = model is not None and model.name == "index.md"  # every language's home page
    if not (home or (model is not None and model.is_module)):
        return None
    t = strings_for(language)
    if not enabled(config):
        return {"title": t["print.downloads"], "links": [], "note": t["print.downloads_missing"]}
    plan = planned(site, language)
    wanted = [(t["print.download_handbook"], plan.handbook)]
    if home:
        if plan.handouts:
            wanted.append((t["print.download_handouts"], plan.handouts))
        wanted.append((t["print.download_answer_key"], plan.answer_key))
    elif model is not None and model.slug in plan.slides:
        wanted.append((t["print.download_slides"], plan.slides[model.slug]))
    links = [(label, get_relative_url(f"{FOLDER}/{name}", page.url)) for label, name in wanted]
    return {"title": t["print.downloads"], "links": links, "note": None}
