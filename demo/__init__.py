"""The demo network: the four territories' content, built from the domain's facts, and the
commands that load it (`load_demo`), open a development account (`create_dev_admin`) and
generate a large network for the benchmarks (`generate_network`). No app imports it."""
