// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/bank.h"

#include <QObject>
#include <QTimer>

class QUndoStack;

namespace neurorack::studio {

/// The bank open in Studio: the bank itself, the file it came from, and the undo stack
/// through which every edit goes. Panels never change a bank: they report an edit, and
/// the main window turns it into one of these calls (one undo command each).
///
/// Crash-safe autosave: two seconds after the last change the bank is written
/// atomically to the autosave file, with the path it belongs to; a clean save, a new
/// bank or a closed window removes it, so a leftover autosave means a crash.
class BankDocument : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kAutosaveDelay{2000};

    explicit BankDocument(QObject *parent = nullptr);
    ~BankDocument() override;

    const Bank &bank() const { return m_bank; }
    /// The file the bank was loaded from or saved to; empty for a new or factory bank.
    QString path() const { return m_path; }
    /// Whether there are edits since the last load or save.
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undo; }

    /// Replaces the whole bank (new, open, pulled from a module): clears undo history.
    void reset(const Bank &bank, const QString &path);
    /// Loads @p path; on error returns the message and keeps the current bank.
    QString load(const QString &path);
    /// Saves to @p path (JSON or CBOR by extension) atomically; returns an error or empty.
    QString save(const QString &path);

    /// Edits, each one undo command. @p mergeId ≠ −1 merges consecutive edits of one
    /// gesture (same id, same slot) into one command.
    void setPreset(int slot, const Preset &preset, const QString &text, int mergeId = -1);
    void clearSlot(int slot, const QString &text);
    /// Drag and drop in the bank list: into an empty slot the preset moves, onto a filled
    /// slot the two presets change places.
    void movePreset(int from, int to);
    /// Pastes @p preset into @p slot; its id is made unique in the bank.
    void pastePreset(int slot, Preset preset);
    void setMapping(const Mapping &mapping, const QString &text, int mergeId = -1);
    void setBankName(const QString &name);
    void setMorphPair(std::optional<Bank::MorphPair> pair);

    /// Where autosaves go (default: the app data folder's autosave.json); empty turns
    /// autosave off.
    void setAutosavePath(const QString &path);
    QString autosavePath() const { return m_autosavePath; }
    /// Writes the autosave now (the timer does this on its own).
    void autosaveNow();
    /// A leftover autosave (from a crash): the bank and the path it belonged to.
    struct Recovery {
        Bank bank;
        QString originalPath;
    };
    static std::optional<Recovery> findRecovery(const QString &autosavePath);
    static QString defaultAutosavePath();
    /// Removes the autosave file, whoever wrote it (the user declined a recovery, or the
    /// window closed cleanly).
    void discardAutosave();

    /// Applies a bank state directly (used by the undo commands only).
    void applySlots(const std::vector<std::pair<int, std::optional<Preset>>> &slotStates);
    void applyMapping(const Mapping &mapping);
    void applyName(const QString &name);
    void applyMorphPair(std::optional<Bank::MorphPair> pair);

Q_SIGNALS:
    /// The whole bank was replaced (new, open, pull).
    void bankReset();
    /// The preset in @p slot changed (edit, undo, redo, move, paste, clear).
    void slotChanged(int slot);
    void mappingChanged();
    /// The bank's name or morph pair changed.
    void infoChanged();
    void pathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    /// Removes the autosave only when this document wrote it: a leftover from a crash
    /// stays until the user has been asked about it.
    void removeOwnAutosave();

    Bank m_bank;
    QString m_path;
    QUndoStack *m_undo = nullptr;
    QString m_autosavePath;
    QTimer m_autosaveTimer;
    bool m_autosaveWritten = false;
};

} // namespace neurorack::studio
