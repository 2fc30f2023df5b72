"""Task lists' checkboxes labelled by their item's text (WCAG 4.1.2; axe's `label` rule).

pymdownx.tasklist turns `- [ ] text` into `<li class="task-list-item"><input type="checkbox"
disabled/> text</li>`: a checkbox with no name, which a screen reader announces as "checkbox"
alone on the tools' checklists. Right after it, and before inline Markdown is processed, the
item's first line (the stashed checkbox and its text) moves into a `<label>`, which names it.
"""

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from ctip import trust

PRIORITY = 24  # after pymdownx.tasklist (25), before inline Markdown (20)


class TaskLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for item in root.iter("li"):
            if "task-list-item" not in (item.get("class") or "").split():
                continue
            # A tight list holds the checkbox in the item's text, a loose one in its paragraph.
            holder = item if item.text else item[0] if len(item) and item[0].tag == "p" else None
            if holder is None or not holder.text:
                continue
            label = etree.Element("label", {"class": "ctip-task"})
            label.text, holder.text = holder.text, None
            holder.insert(0, label)
            trust.trusted(self.md).add(label)
