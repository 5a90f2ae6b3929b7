"""Vietnamese for the messages added by issue #11 (voice bank, say rules, alerts)."""

T = {
}
