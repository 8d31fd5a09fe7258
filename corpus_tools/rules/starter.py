"""What ``corpus-tools rules init`` writes: a starter folder a linguist edits."""

from pathlib import Path

from corpus_tools.errors import CorpusToolsError

NAMES = '''# Names: every spelling in `variants` is written as `canonical`.
# Edit this rule or copy it; check your work with
#   corpus-tools rules check --no-default-rules THIS_FOLDER
#   corpus-tools rules test --no-default-rules THIS_FOLDER
# and use it with: corpus-tools clean --rules THIS_FOLDER corpus.txt

[[name]]
canonical = "Kyiv"                          # how the name must be written
variants = ["Kiev"]                         # spellings to replace
suggest = ["Kijow"]                         # spellings only reported, never replaced
lang = ["en"]                               # only in English text
keep = ["(formerly {variant})", "{variant}/{canonical}", "Kiev, Minnesota"]
not_after = ["Colonel", "Mr", "Mrs", "Dr"]  # a surname, not the city
note = "Ukrainian spelling, adopted by most English style guides"
examples = [
  { text = "Talks in Kiev resumed.", expect = "Talks in Kyiv resumed." },
  { text = "Kyiv (formerly Kiev) is the capital." },
  { text = "the Kiev/Kyiv debate" },
  { text = "Colonel Kiev said nothing." },
  { text = "Les négociations à Kiev ont repris.", lang = "fr" },
  { text = "an old map of Kijow", finds = "Kijow" },
]
'''

ARTIFACTS = '''# Leftovers: text to remove. `text` is the words as written (any run of
# spaces matches their spaces; the removal leaves exactly one space).
# Experts may write `pattern` (a regex) instead of `text`.

[[artifact]]
id = "photo-credit"                 # unique, lower case
text = "(photo: AFP)"
ignore_case = true                  # also (Photo: AFP), (PHOTO: AFP)
message = "a photo credit left in the article text"
examples = [
  { text = "Talks resumed (Photo: AFP) on Monday.", expect = "Talks resumed on Monday." },
  { text = "(photo: AFP) Talks resumed.", expect = "Talks resumed." },
  { text = "a photo by AFP" },
]
'''

STARTER_FILES = {"names.toml": NAMES, "artifacts.toml": ARTIFACTS}


class StarterFolderError(CorpusToolsError):
    pass


def write_starter(folder: str | Path) -> list[Path]:
    """Write the starter files into ``folder`` (new or empty); return their paths."""
    target = Path(folder)
    if target.exists() and any(target.iterdir()):
        raise StarterFolderError(f"{folder} already holds files; give a new or empty folder")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in STARTER_FILES.items():
        (target / name).write_text(text, encoding="utf-8")
        written.append(target / name)
    return written
