"""commcli: multilingual policy communication for a commune — forms, announcer scripts, radio programmes."""

__version__ = "0.1.0"
