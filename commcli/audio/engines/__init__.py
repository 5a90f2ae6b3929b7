"""TTS engines: espeak (offline), gtts (online), recorded (human voices)."""
