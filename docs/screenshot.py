"""Regenerate docs/disputes.svg (the README's screenshot) from the real engine.

    python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


async def main() -> None:
    from tui.engine.text.loading import load_corpus
    from tui.resources import bundled_seeds
    from tui.ui.app import ReconcileApp

    work = Path(tempfile.mkdtemp())
    os.environ.setdefault("RECONCILE_CONFIG_DIR", str(work / "config"))
    app = ReconcileApp(load_corpus(bundled_seeds()), theme_name="dark",
                       notes_path=work / "notes.toml")
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        app.save_screenshot(filename="disputes.svg", path=str(HERE))


if __name__ == "__main__":
    asyncio.run(main())
