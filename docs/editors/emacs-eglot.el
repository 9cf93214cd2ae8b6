;;; emacs-eglot.el --- dsm.sys / dsm.opt with dsm-language-server in Emacs  -*- lexical-binding: t -*-

;; Paste into your init file (~/.emacs.d/init.el).  Needs Eglot: built into
;; Emacs 29 and later; on Emacs 28 install it first (`apt install elpa-eglot`
;; on Debian/Ubuntu, or M-x package-install RET eglot RET).  Needs the
;; `dsm-language-server' command on your PATH (`npm install -g .' in the
;; extension's folder, after `npm install && npm run build').

(define-derived-mode dsm-mode prog-mode "dsm"
  "Major mode for IBM TSM / Spectrum Protect client option files."
  (setq-local comment-start "* ")
  (setq-local comment-start-skip "^[ \t]*\\*+[ \t]*")
  (setq-local font-lock-defaults '((("^[ \t]*\\*.*$" . font-lock-comment-face)))))

;; dsm.sys, dsm.opt, dsm_<anything>.opt and the shipped .smp samples; [^/]*
;; keeps the match inside the file name (/srv/dsm-backups/config.opt is not one).
(add-to-list 'auto-mode-alist '("/dsm\\(?:\\.sys\\|[^/]*\\.opt\\)\\(?:\\.smp\\)?\\'" . dsm-mode))

;; eglot-server-programs exists only once Eglot is loaded.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(dsm-mode "dsm-language-server" "--stdio")))

(add-hook 'dsm-mode-hook #'eglot-ensure)

;;; emacs-eglot.el ends here
