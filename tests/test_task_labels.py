"""Task lists' checkboxes are labelled by their item's text (ctip.task_labels)."""

import markdown
import pytest

from ctip.task_labels import PRIORITY, TaskLabels

pytestmark = pytest.mark.unit


def convert(text: str) -> str:
    md = markdown.Markdown(extensions=["pymdownx.tasklist"])
    md.treeprocessors.register(TaskLabels(md), "ctip_task_labels", PRIORITY)
    return md.convert(text)


def test_a_tight_list_item_is_its_checkbox_label():
    assert convert("- [ ] **Safety:** is it safe?\n- [x] Done\n- Not a task\n") == (
        '<ul class="task-list">\n'
        '<li class="task-list-item"><label class="ctip-task"><input type="checkbox" disabled/> '
        "<strong>Safety:</strong> is it safe?</label></li>\n"
        '<li class="task-list-item"><label class="ctip-task"><input type="checkbox" disabled '
        "checked/> Done</label></li>\n"
        "<li>Not a task</li>\n"
        "</ul>"
    )


def test_a_loose_item_labels_its_first_paragraph_and_not_what_follows():
    assert convert("1. [ ] First *step*\n\n    More about it.\n") == (
        '<ol class="task-list">\n'
        '<li class="task-list-item">\n'
        '<p><label class="ctip-task"><input type="checkbox" disabled/> First <em>step</em>'
        "</label></p>\n"
        "<p>More about it.</p>\n"
        "</li>\n"
        "</ol>"
    )
