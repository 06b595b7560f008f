"""What clients could not find: the service owners' report, from the conversations themselves.

Every bot turn has a status. Custom actions record theirs in the tracker store as the
`answer_status` slot (actions/answer_status.py: answered, asked, ambiguous, no_service,
unknown_place, no_office, unavailable, handoff, feedback); the turns Rasa answers with its own
responses are classified here from the action that ran (out_of_scope, fallback, small_talk). Reading
the tracker store rather than keeping a second log means one retention policy (bot/retention.py)
covers both and the figures can never disagree with the conversations. `python -m bot.insights`
prints the report; see bot/insights/__main__.py.
"""
