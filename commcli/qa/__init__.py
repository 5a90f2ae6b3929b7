"""Translation QA shared by bulletins, templates and the glossary: is a text really in its language, and
does it carry every fact of the Vietnamese?"""
