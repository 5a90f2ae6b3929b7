"""JSON Schemas for the workspace files, generated from the models (for editors: VS Code's YAML extension)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

# schema file name → (module, model class). Capabilities not part of this build are skipped.
SCHEMAS: dict[str, tuple[str, str]] = {
    "commune.schema.json": ("commcli.model.commune", "Commune"),
    "glossary.schema.json": ("commcli.glossary.model", "GlossaryFile"),
    "form.schema.json": ("commcli.forms.model", "FormDefinition"),
    "bulletin.schema.json": ("commcli.bulletins.model", "Bulletin"),
    "bulletin-template.schema.json": ("commcli.bulletins.templates", "BulletinTemplate"),
    "say-rules.schema.json": ("commcli.voice.rules", "SayRules"),
}


def generate() -> dict[str, str]:
    """Schema file name → JSON text (stable: sorted keys, trailing newline)."""
    out: dict[str, str] = {}
    for name, (module_name, class_name) in SCHEMAS.items():
        try:
            model = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError):
            continue
        schema = model.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://commcli.invalid/schemas/{name}"
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write(folder: Path) -> list[Path]:
    from .publish import write_text_atomic

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generate().items():
        write_text_atomic(folder / name, text)
        written.append(folder / name)
    return written


if __name__ == "__main__":  # python -m commcli.schemas schemas/
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(path)
