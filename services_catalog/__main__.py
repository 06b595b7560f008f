import sys

from services_catalog.cli import main

sys.exit(main())
