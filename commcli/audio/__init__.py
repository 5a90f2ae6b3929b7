"""Village-radio audio: voices, loudness, programme assembly, MP3 and playlists."""
