from bot.runtime import Runtime


def test_runtime_answers_from_small_corpus(runtime: Runtime) -> None:
    answer, question_id = runtime.ask("How far back do we collect financial relationships for faculty?")
    assert not answer.abstained
    assert "24" in answer.answer
    assert question_id > 0
