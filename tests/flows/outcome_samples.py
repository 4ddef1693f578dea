"""Learner data for the outcomes flow tests: a realistic pre/post file with known counts."""

from __future__ import annotations

# 30 learners, 2 items. q1: 9 right before, 24 right after (the 15 who were wrong and then right are the only
# discordant pairs), q2: the same 15 right before and after.
ROWS = ["learner_id,item,phase,correct"]
for number in range(30):
    learner = f"L{number:02d}"
    ROWS += [f"{learner},q1,pre,{int(number < 9)}", f"{learner},q1,post,{int(number < 24)}"]
    ROWS += [f"{learner},q2,pre,{int(number < 15)}", f"{learner},q2,post,{int(number < 15)}"]
GOOD_CSV = "\n".join(ROWS) + "\n"
BAD_ROW = "L99,q1,during,1"
ITEM_LEVELS = "q1 | Choosing patients for a risk assessment | 3a\nq2 | Dosing cases | 4"
