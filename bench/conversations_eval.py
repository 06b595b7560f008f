"""Right answers on held-out conversations, per capability and language, against the real servers.

Each file of tests/heldout_conversations/ holds conversations written before the features they test
(see its README): every turn says what a right reply must contain (`expect_any`, one of) and must not
(`expect_none`). The whole assistant answers them over the REST channel, one conversation id each, so
follow-ups are judged with their context. A turn is right when its reply passes both checks; a
conversation is right when all its turns are. A reply's language is judged by bot.answer_language.detect:
a confident reply in the other official language counts as a wrong-language reply.

    .venv/bin/python -m bench.conversations_eval [--set heldout_conversations_4] [--misses] [--files ...]

Sets 3 and 4 were never read while tuning: only their scores may be looked at, never --misses.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Tuple

import yaml

from bot.answer_language import detect
from bot.launch import Conversation, running_assistant, text_of
from services_catalog.text import fold

TESTS = Path(__file__).resolve().parents[1] / "tests"
LANGUAGE_CONFIDENCE = 0.8


@dataclass
class Score:
    conversations: int = 0
    right: int = 0
    turns: int = 0
    right_turns: int = 0
    wrong_language: int = 0
    misses: List[str] = field(default_factory=list)


def says(reply: str, expected: str) -> bool:
    """Whether the reply has the expected words, as whole words, case- and accent-insensitively.

    Whole words, so "EI" is not found in "their"; an expectation that folds to nothing ("$") is looked for
    as typed, since folding drops punctuation and an empty string is in every reply.
    """
    folded = fold(expected)
    if not folded:
        return expected.strip().lower() in reply.lower()
    return re.search(rf"(?<![0-9a-z]){re.escape(folded)}(?![0-9a-z])", fold(reply)) is not None


def judged(reply: str, turn: Dict[str, Any]) -> bool:
    wanted = any(says(reply, text) for text in turn.get("expect_any") or [])
    return wanted and not any(says(reply, text) for text in turn.get("expect_none") or [])


def wrong_language(reply: str, lang: str) -> bool:
    found, confidence = detect(reply)
    return found is not None and found != lang and confidence >= LANGUAGE_CONFIDENCE


def run_file(base_url: str, path: Path, scores: Dict[Tuple[str, str], Score]) -> None:
    lang = "fr" if path.stem.endswith("_fr") else "en"
    for conversation in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
        score = scores[(conversation["capability"], lang)]
        client, all_right = Conversation(base_url), True
        for turn in conversation["turns"]:
            reply = text_of(client.say(turn["user"]))
            score.turns += 1
            score.wrong_language += wrong_language(reply, lang) if reply else 0
            if judged(reply, turn):
                score.right_turns += 1
            else:
                all_right = False
                score.misses.append(f"{conversation['id']}: {turn['user']!r} -> {reply[:300]!r}")
        score.conversations += 1
        score.right += all_right


def report(scores: Dict[Tuple[str, str], Score], misses: bool) -> None:
    print("| capability | language | conversations right | turns right | wrong-language replies |")
    print("| --- | --- | ---: | ---: | ---: |")
    total = Score()
    for (capability, lang), score in sorted(scores.items()):
        print(
            f"| {capability} | {lang} | {score.right}/{score.conversations} ({score.right / score.conversations:.2f})"
            f" | {score.right_turns}/{score.turns} | {score.wrong_language} |"
        )
        for name in ("conversations", "right", "turns", "right_turns", "wrong_language"):
            setattr(total, name, getattr(total, name) + getattr(score, name))
    print(
        f"| **all** | | **{total.right}/{total.conversations} ({total.right / total.conversations:.2f})** "
        f"| {total.right_turns}/{total.turns} | {total.wrong_language} |"
    )
    if misses:
        for (capability, lang), score in sorted(scores.items()):
            for miss in score.misses:
                print(f"MISS {capability}/{lang} {miss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--set",
        default="heldout_conversations",
        help="folder under tests/: heldout_conversations (1, tuned on), _2 (tuned on since session 10), _3, _4",
    )
    parser.add_argument("--files", nargs="*", default=["conversations_en.yml", "conversations_fr.yml"])
    parser.add_argument("--misses", action="store_true", help="print every turn that was not right")
    args = parser.parse_args()
    scores: Dict[Tuple[str, str], Score] = defaultdict(Score)
    with tempfile.TemporaryDirectory() as workdir, running_assistant(Path(workdir)) as base_url:
        for name in args.files:
            run_file(base_url, TESTS / args.set / name, scores)
    report(scores, args.misses)


if __name__ == "__main__":
    main()
