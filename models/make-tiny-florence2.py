#!/usr/bin/python3
"""Writes models/tiny-florence2/: a Florence-2-shaped captioning model, tiny and
with random weights, in the layout transformers.js loads.

Why: the real caption model (Florence-2-base-ft, hundreds of MB) comes from the
Hugging Face Hub, which tests and benchmarks cannot reach. This model has the
same four ONNX sessions, input and output names, cache layout, processor and
tokenizer files as the real one, so the real loading, preprocessing and
generation code runs offline. Its captions are random lowercase words.

Needs only onnx and numpy (Debian: apt-get install python3-onnx python3-numpy).
Run from the repository root:  /usr/bin/python3 models/make-tiny-florence2.py
The output is deterministic (fixed seed) and committed; rerun after changing this file.
"""

import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tiny-florence2")
OPSET = 17
D = 32  # hidden size
HEADS = 2
HEAD_DIM = D // HEADS
PATCH = 16  # the vision encoder turns each 16×16 patch into one token
IMAGE_SIZE = 64  # the processor resizes every image to this (the real model: 768)
SPECIAL = ["<s>", "<pad>", "</s>", "<unk>"]
BOS, PAD, EOS, UNK = range(4)

rng = np.random.RandomState(20261125)


def bytes_to_unicode():
    """GPT-2's byte → printable character table, used by byte-level BPE (BART's tokenizer)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


BYTE_CHARS = bytes_to_unicode()
VOCAB = {token: i for i, token in enumerate(SPECIAL)}
for byte in range(256):
    VOCAB[BYTE_CHARS[byte]] = len(VOCAB)
V = len(VOCAB)


def weight(name, *shape, scale=0.5):
    return numpy_helper.from_array((rng.randn(*shape) * scale).astype(np.float32), name)


def const(name, values, dtype=np.int64):
    return numpy_helper.from_array(np.array(values, dtype=dtype), name)


def save(graph, name):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="pack2skill")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT, "onnx", f"{name}.onnx"))


def float_input(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def vision_encoder():
    """pixel_values [B,3,H,W] → image_features [B, (H/16)·(W/16), D]: a patch embedding."""
    nodes = [
        helper.make_node("Conv", ["pixel_values", "patch_w", "patch_b"], ["patches"], kernel_shape=[PATCH, PATCH], strides=[PATCH, PATCH]),
        helper.make_node("Reshape", ["patches", "flat_shape"], ["flat"]),
        helper.make_node("Transpose", ["flat"], ["tokens"], perm=[0, 2, 1]),
        helper.make_node("Tanh", ["tokens"], ["image_features"]),
    ]
    graph = helper.make_graph(
        nodes,
        "vision_encoder",
        [float_input("pixel_values", ["batch_size", 3, "height", "width"])],
        [float_input("image_features", ["batch_size", "image_tokens", D])],
        [weight("patch_w", D, 3, PATCH, PATCH, scale=0.05), weight("patch_b", D), const("flat_shape", [0, D, -1])],
    )
    save(graph, "vision_encoder")


def embed_tokens():
    """input_ids [B,T] → inputs_embeds [B,T,D]."""
    nodes = [helper.make_node("Gather", ["table", "input_ids"], ["inputs_embeds"], axis=0)]
    graph = helper.make_graph(
        nodes,
        "embed_tokens",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "sequence_length"])],
        [float_input("inputs_embeds", ["batch_size", "sequence_length", D])],
        [weight("table", V, D)],
    )
    save(graph, "embed_tokens")


def encoder_model():
    """inputs_embeds [B,S,D] + attention_mask [B,S] → last_hidden_state [B,S,D]."""
    nodes = [
        helper.make_node("MatMul", ["inputs_embeds", "w"], ["projected"]),
        helper.make_node("Tanh", ["projected"], ["activated"]),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "last_axis"], ["mask_3d"]),
        helper.make_node("Mul", ["activated", "mask_3d"], ["last_hidden_state"]),
    ]
    graph = helper.make_graph(
        nodes,
        "encoder_model",
        [
            float_input("inputs_embeds", ["batch_size", "encoder_sequence_length", D]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
        ],
        [float_input("last_hidden_state", ["batch_size", "encoder_sequence_length", D])],
        [weight("w", D, D), const("last_axis", [-1])],
    )
    save(graph, "encoder_model")


def to_heads(source, weight_name, out):
    """[B,S,D] · W → [B,HEADS,S,HEAD_DIM], the cache layout."""
    return [
        helper.make_node("MatMul", [source, weight_name], [f"{out}_flat"]),
        helper.make_node("Reshape", [f"{out}_flat", "heads_shape"], [f"{out}_split"]),
        helper.make_node("Transpose", [f"{out}_split"], [out], perm=[0, 2, 1, 3]),
    ]


def decoder_model_merged():
    """One decoder layer with a self-attention cache and a cross-attention cache.

    As in the merged decoders that Optimum exports, `use_cache_branch` picks
    whether the cross-attention keys are computed from the encoder output
    (first step) or passed through from the cache (every later step).
    """
    past_dec = ["batch_size", HEADS, "past_decoder_sequence_length", HEAD_DIM]
    past_enc = ["batch_size", HEADS, "encoder_sequence_length_out", HEAD_DIM]
    inputs = [
        helper.make_tensor_value_info("encoder_attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
        float_input("encoder_hidden_states", ["batch_size", "encoder_sequence_length", D]),
        float_input("inputs_embeds", ["batch_size", "decoder_sequence_length", D]),
        float_input("past_key_values.0.decoder.key", past_dec),
        float_input("past_key_values.0.decoder.value", past_dec),
        float_input("past_key_values.0.encoder.key", past_enc),
        float_input("past_key_values.0.encoder.value", past_enc),
        helper.make_tensor_value_info("use_cache_branch", TensorProto.BOOL, [1]),
    ]
    outputs = [
        float_input("logits", ["batch_size", "decoder_sequence_length", V]),
        float_input("present.0.decoder.key", ["batch_size", HEADS, "present_decoder_sequence_length", HEAD_DIM]),
        float_input("present.0.decoder.value", ["batch_size", HEADS, "present_decoder_sequence_length", HEAD_DIM]),
        float_input("present.0.encoder.key", ["batch_size", HEADS, "encoder_sequence_length_out", HEAD_DIM]),
        float_input("present.0.encoder.value", ["batch_size", HEADS, "encoder_sequence_length_out", HEAD_DIM]),
    ]

    # Cross-attention cache: from the cache, or computed from the encoder output.
    reuse = helper.make_graph(
        [
            helper.make_node("Identity", ["past_key_values.0.encoder.key"], ["reused_key"]),
            helper.make_node("Identity", ["past_key_values.0.encoder.value"], ["reused_value"]),
        ],
        "reuse_cross_cache",
        [],
        [float_input("reused_key", past_enc), float_input("reused_value", past_enc)],
    )
    compute = helper.make_graph(
        to_heads("encoder_hidden_states", "w_cross_k", "computed_key") + to_heads("encoder_hidden_states", "w_cross_v", "computed_value"),
        "compute_cross_cache",
        [],
        [float_input("computed_key", past_enc), float_input("computed_value", past_enc)],
    )
    nodes = [
        helper.make_node(
            "If", ["use_cache_branch_scalar"], ["present.0.encoder.key", "present.0.encoder.value"], then_branch=reuse, else_branch=compute
        ),
        helper.make_node("Squeeze", ["use_cache_branch", "zero_axis"], ["use_cache_branch_scalar"]),
    ]
    # Self-attention cache grows by the new tokens.
    nodes += to_heads("inputs_embeds", "w_self_k", "new_key") + to_heads("inputs_embeds", "w_self_v", "new_value")
    nodes += [
        helper.make_node("Concat", ["past_key_values.0.decoder.key", "new_key"], ["present.0.decoder.key"], axis=2),
        helper.make_node("Concat", ["past_key_values.0.decoder.value", "new_value"], ["present.0.decoder.value"], axis=2),
    ]
    # Attention of the new tokens over everything decoded so far, then over the image and prompt.
    nodes += to_heads("inputs_embeds", "w_q", "query")
    for name, keys, values in (("self", "present.0.decoder.key", "present.0.decoder.value"), ("cross", "present.0.encoder.key", "present.0.encoder.value")):
        nodes += [
            helper.make_node("Transpose", [keys], [f"{name}_keys_t"], perm=[0, 1, 3, 2]),
            helper.make_node("MatMul", ["query", f"{name}_keys_t"], [f"{name}_scores"]),
            helper.make_node("Mul", [f"{name}_scores", "scale"], [f"{name}_scaled"]),
            helper.make_node("Softmax", [f"{name}_scaled"], [f"{name}_weights"], axis=-1),
            helper.make_node("MatMul", [f"{name}_weights", values], [f"{name}_context"]),
            helper.make_node("Transpose", [f"{name}_context"], [f"{name}_context_t"], perm=[0, 2, 1, 3]),
            helper.make_node("Reshape", [f"{name}_context_t", "merge_shape"], [f"{name}_merged"]),
        ]
    nodes += [
        helper.make_node("Add", ["self_merged", "cross_merged"], ["attended"]),
        helper.make_node("MatMul", ["attended", "w_out"], ["mixed"]),
        helper.make_node("Add", ["mixed", "inputs_embeds"], ["residual"]),
        helper.make_node("Tanh", ["residual"], ["hidden"]),
        helper.make_node("MatMul", ["hidden", "lm_head"], ["raw_logits"]),
        helper.make_node("Add", ["raw_logits", "lm_bias"], ["logits"]),
    ]
    # The bias keeps captions to lowercase letters and spaces, and lets them end.
    allowed = [VOCAB[BYTE_CHARS[b]] for b in list(range(ord("a"), ord("z") + 1)) + [ord(" ")]]
    bias = np.full(V, -20.0, dtype=np.float32)
    bias[allowed] = 0.0
    bias[VOCAB[BYTE_CHARS[ord(" ")]]] = 1.0
    bias[EOS] = -1.0
    initializers = [
        weight("w_cross_k", D, D),
        weight("w_cross_v", D, D),
        weight("w_self_k", D, D),
        weight("w_self_v", D, D),
        weight("w_q", D, D),
        weight("w_out", D, D),
        weight("lm_head", D, V, scale=1.5),
        numpy_helper.from_array(bias, "lm_bias"),
        numpy_helper.from_array(np.array(1 / np.sqrt(HEAD_DIM), dtype=np.float32), "scale"),
        const("heads_shape", [0, -1, HEADS, HEAD_DIM]),
        const("merge_shape", [0, -1, D]),
        const("zero_axis", [0]),
    ]
    graph = helper.make_graph(nodes, "decoder_model_merged", inputs, outputs, initializers)
    # Nodes must be in topological order for the checker: the Squeeze feeds the If.
    graph.node.insert(0, graph.node.pop(1))
    save(graph, "decoder_model_merged")


def write_json(name, data):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.write("\n")


def configs():
    text_config = {
        "model_type": "florence2_language",
        "d_model": D,
        "encoder_layers": 1,
        "decoder_layers": 1,
        "encoder_attention_heads": HEADS,
        "decoder_attention_heads": HEADS,
        "vocab_size": V,
        "max_position_embeddings": 1024,
        "bos_token_id": BOS,
        "pad_token_id": PAD,
        "eos_token_id": EOS,
        "decoder_start_token_id": EOS,
        "forced_bos_token_id": BOS,
        "forced_eos_token_id": EOS,
        "is_encoder_decoder": True,
    }
    write_json(
        "config.json",
        {
            "_comment": "Tiny random Florence-2-shaped model made by models/make-tiny-florence2.py, for tests only.",
            "architectures": ["Florence2ForConditionalGeneration"],
            "model_type": "florence2",
            "is_encoder_decoder": True,
            "vocab_size": V,
            "bos_token_id": BOS,
            "pad_token_id": PAD,
            "eos_token_id": EOS,
            "text_config": text_config,
            "vision_config": {"model_type": "davit", "projection_dim": D, "patch_size": [PATCH]},
            "projection_dim": D,
        },
    )
    write_json(
        "generation_config.json",
        {
            "bos_token_id": BOS,
            "decoder_start_token_id": EOS,
            "eos_token_id": EOS,
            "pad_token_id": PAD,
            "forced_bos_token_id": BOS,
            "forced_eos_token_id": EOS,
            "num_beams": 1,
            "max_length": 64,
        },
    )
    # The task prompts and answer types are the real model's for the tasks the app uses.
    write_json(
        "preprocessor_config.json",
        {
            "processor_class": "Florence2Processor",
            "image_processor_type": "CLIPImageProcessor",
            "do_convert_rgb": True,
            "do_resize": True,
            "size": {"height": IMAGE_SIZE, "width": IMAGE_SIZE},
            "resample": 3,
            "do_center_crop": False,
            "do_rescale": True,
            "rescale_factor": 1 / 255,
            "do_normalize": True,
            "image_mean": [0.485, 0.456, 0.406],
            "image_std": [0.229, 0.224, 0.225],
            "tasks_answer_post_processing_type": {
                "<OCR>": "pure_text",
                "<OCR_WITH_REGION>": "ocr",
                "<CAPTION>": "pure_text",
                "<DETAILED_CAPTION>": "pure_text",
                "<MORE_DETAILED_CAPTION>": "pure_text",
            },
            "task_prompts_without_inputs": {
                "<OCR>": "What is the text in the image?",
                "<OCR_WITH_REGION>": "What is the text in the image, with regions?",
                "<CAPTION>": "What does the image describe?",
                "<DETAILED_CAPTION>": "Describe in detail what is shown in the image.",
                "<MORE_DETAILED_CAPTION>": "Describe with a paragraph what is shown in the image.",
            },
            "task_prompts_with_input": {},
        },
    )
    special = [
        {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": True, "special": True}
        for i, t in enumerate(SPECIAL)
    ]
    write_json(
        "tokenizer.json",
        {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": special,
            "normalizer": None,
            "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
            "post_processor": {
                "type": "RobertaProcessing",
                "sep": ["</s>", EOS],
                "cls": ["<s>", BOS],
                "trim_offsets": True,
                "add_prefix_space": False,
            },
            "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
            "model": {
                "type": "BPE",
                "dropout": None,
                "unk_token": "<unk>",
                "continuing_subword_prefix": "",
                "end_of_word_suffix": "",
                "fuse_unk": False,
                "byte_fallback": False,
                "vocab": VOCAB,
                "merges": [],
            },
        },
    )
    write_json(
        "tokenizer_config.json",
        {
            "tokenizer_class": "BartTokenizer",
            "model_max_length": 1024,
            "add_prefix_space": False,
            "bos_token": "<s>",
            "eos_token": "</s>",
            "pad_token": "<pad>",
            "unk_token": "<unk>",
        },
    )


if __name__ == "__main__":
    os.makedirs(os.path.join(OUT, "onnx"), exist_ok=True)
    vision_encoder()
    embed_tokens()
    encoder_model()
    decoder_model_merged()
    configs()
    print(f"wrote {OUT} (vocabulary {V}, hidden {D})")
