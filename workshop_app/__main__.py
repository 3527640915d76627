import multiprocessing

from workshop_app.cli import main

# The print and export workers are spawned processes; in the frozen bundle each starts as the
# bundle's own executable, and this hands it to multiprocessing instead of the CLI.
multiprocessing.freeze_support()
raise SystemExit(main())
