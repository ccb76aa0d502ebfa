# Accuracy on human-annotated news (PolNeAR), never committed: see
# ../shared/eval/README.md. Build the gold set once from a PolNeAR snapshot:
#   make eval-gold POLNEAR=/path/to/networkdynamics+PolNeAR/repo
# then score the engine on dev (and train) with the project's own scorer, and
# cross-check with the reference scorer when ../shared is present:
#   make eval
EVAL_DIR ?= /tmp/whosaid-eval
POLNEAR ?=

.PHONY: eval eval-gold
eval-gold:
	@test -n "$(POLNEAR)" || { echo "POLNEAR=<PolNeAR git dir> is required"; exit 2; }
	EVAL_DIR=$(EVAL_DIR) python3 ../shared/eval/convert_polnear.py $(POLNEAR)

eval:
	cargo build --release --quiet
	@test -f $(EVAL_DIR)/polnear/dev.jsonl || { echo "no gold set in $(EVAL_DIR): run make eval-gold first"; exit 2; }
	@echo "== PolNeAR dev ($(EVAL_DIR)/polnear/dev.jsonl)"
	./target/release/whosaid eval $(EVAL_DIR)/polnear/dev.jsonl --pred-out $(EVAL_DIR)/dev.pred.jsonl
	@if [ -f ../shared/eval/score.py ]; then echo "== reference scorer"; python3 ../shared/eval/score.py $(EVAL_DIR)/polnear/dev.jsonl $(EVAL_DIR)/dev.pred.jsonl --quiet; fi
	@if [ -f $(EVAL_DIR)/polnear/train.jsonl ]; then echo "== PolNeAR train"; ./target/release/whosaid eval $(EVAL_DIR)/polnear/train.jsonl | tail -1; fi
