"""The trainer's toolkit, from the same Markdown as the learner's pages.

- `schedule`: session plans from front matter timings (`teaching`, `exercises`, `break`, and
  `sections` per `##` section), with clock times from the start of a module or a learning path;
- `markdown_ext`: the Markdown blocks that show them (`/// schedule`, `/// session-planner`,
  `/// trainer-notes`) and the trainer's panel of every module page (its schedule, for trainer
  mode and for the presenter view's planned times).

The browser side is in overrides/assets/ctip: trainer.js (trainer mode, on every page), and,
loaded only when needed, present.js (slides and the presenter view), live-quiz.js and
planner.js.
"""
