;;; emacs-driver.el --- plays the user in Emacs + Eglot for test/editors/emacs.test.ts  -*- lexical-binding: t -*-

;; Loaded after docs/editors/emacs-eglot.el in `emacs --batch'.  Opens
;; $DSM_TEST_FIXTURE, then: (a) waits for the Flymake diagnostics, (b) asks
;; for the hover ElDoc would show on the server address, (c) picks the
;; POLLING quick fix at Eglot's code-action prompt and waits for the warning
;; to go, (d) types "   SCHEDMODE " on a new line and asks
;; completion-at-point for its candidates.  What it saw goes to
;; $DSM_TEST_RESULT as JSON, rewritten after every step; a step that fails is
;; recorded in "errors" and the next one still runs.  Every wait has a deadline.

(require 'cl-lib)
(require 'json)
(require 'ert-x)                        ; ert-run-idle-timers

(defconst dsm-driver-wait-seconds 10 "The longest any one wait may take.")
(defvar dsm-driver-result (list (cons 'errors [])) "What the user saw, as an alist.")

(defun dsm-driver-record (key value)
  "Record VALUE under KEY and rewrite the result file."
  (setf (alist-get key dsm-driver-result) value)
  (with-temp-file (getenv "DSM_TEST_RESULT")
    (insert (json-encode dsm-driver-result))))

(defun dsm-driver-pause ()
  "Let time pass as for a user who stops typing: process output, then idle timers.
Batch Emacs is never idle, so Eglot's didChange (sent from an idle timer)
and Flymake's idle checks run only through `ert-run-idle-timers'."
  (accept-process-output nil 0.05)
  (ert-run-idle-timers))

(defun dsm-driver-wait (what predicate)
  "Pause until PREDICATE returns non-nil, and return that; fail after the deadline."
  (let ((deadline (+ (float-time) dsm-driver-wait-seconds))
        value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (dsm-driver-pause))
    (or value (error "Timed out after %ss waiting for %s" dsm-driver-wait-seconds what))))

(defmacro dsm-driver-step (name &rest body)
  "Run BODY; an error is recorded under errors as NAME: message."
  (declare (indent 1))
  `(condition-case err
       (progn ,@body)
     (error (dsm-driver-record 'errors (vconcat (alist-get 'errors dsm-driver-result)
                                                (list (format "%s: %s" ,name (error-message-string err))))))))

(defun dsm-driver-diagnostics ()
  "The Flymake diagnostics of the buffer: line (1-based), LSP code and text."
  (vconcat
   (mapcar (lambda (d)
             (let ((lsp (cdr (assq 'eglot-lsp-diag (flymake-diagnostic-data d)))))
               `((line . ,(line-number-at-pos (flymake-diagnostic-beg d)))
                 (code . ,(plist-get lsp :code))
                 (message . ,(flymake-diagnostic-text d)))))
           (flymake-diagnostics))))

(defun dsm-driver-has-prompted-warning ()
  (cl-some (lambda (d) (equal (alist-get 'code d) "schedmode-prompted")) (dsm-driver-diagnostics)))

(defun dsm-driver-open ()
  "Visit the fixture as a user would; Eglot connects after the first command."
  (find-file (getenv "DSM_TEST_FIXTURE"))
  (dsm-driver-record 'filetype (symbol-name major-mode))
  (run-hooks 'post-command-hook)          ; eglot-ensure connects from there
  (dsm-driver-wait "Eglot to manage the buffer" #'eglot-managed-p))

(defun dsm-driver-hover ()
  "The hover text ElDoc shows with point on the server address."
  (goto-char (point-min))
  (search-forward "bucky5.doit")
  (let (shown)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq shown (or info ""))))
    (dsm-driver-record 'hover (substring-no-properties (dsm-driver-wait "the hover" (lambda () shown))))))

(defun dsm-driver-pick-polling (_prompt collection &rest _)
  "Stands in for the user at Eglot's prompt: records the offered titles, picks POLLING."
  (let ((titles (mapcar #'car collection)))
    (dsm-driver-record 'codeActions (vconcat titles))
    (or (cl-find-if (lambda (title) (string-prefix-p "Change SCHEDMODE to POLLING" title)) titles)
        (error "No POLLING fix among %S" titles))))

(defun dsm-driver-fix ()
  "M-x eglot-code-actions on PROMPTED, choosing the POLLING fix."
  (goto-char (point-min))
  (search-forward "PROMPTED")
  (backward-char 2)
  (let ((completing-read-function #'dsm-driver-pick-polling)
        (last-nonmenu-event ?\r))      ; a keyboard command: a prompt, not a popup menu
    (call-interactively #'eglot-code-actions))
  (dsm-driver-record 'fixedLine (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
  (dsm-driver-wait "the warning to go" (lambda () (not (dsm-driver-has-prompted-warning))))
  (dsm-driver-record 'diagnosticsAfterFix (dsm-driver-diagnostics)))

(defun dsm-driver-completion ()
  "Type SCHEDMODE and a space on a new last line; the candidates completion-at-point offers."
  (goto-char (point-max))
  (unless (bolp) (insert "\n"))
  (insert "   SCHEDMODE ")
  (pcase-let* ((`(,beg ,end ,table . ,_) (run-hook-with-args-until-success 'completion-at-point-functions))
               (prefix (buffer-substring-no-properties beg end))
               (sort (completion-metadata-get (completion-metadata prefix table nil) 'display-sort-function))
               (candidates (all-completions prefix table)))
    (dsm-driver-record 'completion (vconcat (mapcar #'substring-no-properties
                                                    (if sort (funcall sort candidates) candidates))))))

(defun dsm-driver-file-types ()
  "The major mode `set-auto-mode' picks for each file of $DSM_TEST_NAMES (mode hooks held back)."
  (let (types)
    (dolist (name (split-string (getenv "DSM_TEST_NAMES") "\n" t))
      (with-temp-buffer
        (setq buffer-file-name name)
        (delay-mode-hooks (set-auto-mode))
        (push (cons name (symbol-name major-mode)) types)
        (setq buffer-file-name nil)))
    (dsm-driver-record 'fileTypes types)))

(defun dsm-driver-warnings ()
  "The *Warnings* buffer, which pops up in front of the user."
  (let ((buffer (get-buffer "*Warnings*")))
    (if buffer (with-current-buffer buffer (buffer-substring-no-properties (point-min) (point-max))) "")))

(dsm-driver-record 'editor (format "Emacs %s" emacs-version))
(dsm-driver-step "open" (dsm-driver-open))
(dsm-driver-step "diagnostics"
  (dsm-driver-wait "the schedmode-prompted warning" #'dsm-driver-has-prompted-warning)
  (dsm-driver-record 'diagnostics (dsm-driver-diagnostics)))
(dsm-driver-step "hover" (dsm-driver-hover))
(dsm-driver-step "fix" (dsm-driver-fix))
(dsm-driver-step "completion" (dsm-driver-completion))
(dsm-driver-step "file types" (dsm-driver-file-types))
(dsm-driver-record 'warnings (dsm-driver-warnings))
(dsm-driver-record 'done t)
(kill-emacs 0)

;;; emacs-driver.el ends here
