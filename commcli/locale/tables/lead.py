"""Vietnamese for messages changed by the lead at integration."""
T = {
    "The recording is clipped (distorted): {percent} of the sound is cut off at full scale.":
        "Bản ghi âm bị rè (méo tiếng): {percent} âm thanh bị cắt ở mức tối đa.",
}
