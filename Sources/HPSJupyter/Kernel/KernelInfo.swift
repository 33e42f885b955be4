// What `kernel_info_reply` says about hps. The language is a Python subset, so front ends are told
// to highlight it as Python (pygments_lexer, codemirror_mode; front ends prefer those over the
// mimetype, which names the language itself, as the notebook runner writes it).
import Foundation
import HPSKernel

enum KernelInfo {
  static let languageInfo: JSONObject = [
    "name": "hps",
    "version": HPSVersion.current,
    "mimetype": "text/x-hps",
    "file_extension": ".hps",
    "pygments_lexer": "python",
    "codemirror_mode": "python",
    "nbconvert_exporter": "script",
  ]

  static let banner = """
    hps \(HPSVersion.current) — hyperparameter search you can talk to. Python-flavoured; \
    help(name) or name? for help, %lsmagic for magics.
    """

  static var content: JSONObject {
    [
      "status": "ok",
      "protocol_version": Wire.protocolVersion,
      "implementation": "hps",
      "implementation_version": HPSVersion.current,
      "language_info": languageInfo,
      "banner": banner,
      "help_links": [
        ["text": "Python language reference (hps runs a subset)", "url": "https://docs.python.org/3/reference/"],
        ["text": "Optuna", "url": "https://optuna.readthedocs.io/"],
        ["text": "Transformers hyperparameter search", "url": "https://huggingface.co/docs/transformers/hpo_train"],
      ],
    ]
  }
}
