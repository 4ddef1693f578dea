"""A state's licensure rule is not quoted to a member who asked about another state."""

from bot.answering.states import other_state_only, states_named

CALIFORNIA = "Physicians licensed by the Medical Board of California complete at least 50 hours of approved CME."


def test_states_are_read_by_name_and_by_unambiguous_code() -> None:
    assert states_named("texas CME hours?") == {"Texas"}
    assert states_named("our docs in TX and West Virginia") == {"Texas", "West Virginia"}
    # Codes that are also words or titles are not states: "ok", "in", "MD".
    assert states_named("ok so in MD terms, is it accredited?") == set()
    assert states_named("the meeting is in Washington, DC") == set()


def test_another_states_rule_is_no_answer_to_the_state_asked() -> None:
    assert other_state_only("texas CME hours for license renewal", [CALIFORNIA]) == "Texas"
    assert other_state_only("how many hours for California renewal?", [CALIFORNIA]) is None
    # No state asked, several asked, or no state quoted: nothing to say.
    assert other_state_only("how many hours for license renewal?", [CALIFORNIA]) is None
    assert other_state_only("texas vs california hours?", [CALIFORNIA]) is None
    assert other_state_only("texas CME hours", ["Check your state board's own website."]) is None
