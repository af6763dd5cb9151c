// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/preset.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>
#include <optional>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMimeData;
class QPushButton;
class QStackedWidget;
class QTabBar;

namespace neurorack::studio {

class CurveEditView;

/// The preset editor panel: name and tags, the seven curves (one selected and editable
/// by dragging breakpoints, the others faint behind it), a global offset and scale for
/// the selected descriptor, and whole-preset actions: analyse an audio file ("From
/// sample", also by dropping a file on the panel), Randomize (a synthesised impact,
/// analysed) and Vary (small random changes around the preset).
///
/// The editor never changes a bank: every edit is reported by presetEdited() with the
/// whole edited preset, and the owner decides (typically an undo command that puts it in
/// the bank and calls setPreset() back). File analysis and synthesis run on a worker.
class PresetEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PresetEditor(QWidget *parent = nullptr);
    ~PresetEditor() override;

    /// Shows @p preset of @p slot (copied), or an empty slot for nullptr (a hint and an
    /// "Add preset" button). Calling it again for the same slot (with the edited preset
    /// coming back, or with another one after an undo) keeps the selected descriptor,
    /// the zoom and a drag in progress; offsets and scales start over when the preset is
    /// not the one last emitted.
    void setPreset(const neurorack::Preset *preset, int slot);
    /// The preset shown (the last one set or emitted), or nullptr for an empty slot.
    const Preset *preset() const { return m_preset ? &*m_preset : nullptr; }
    int slot() const { return m_slot; }

    DescriptorId currentDescriptor() const;
    void setCurrentDescriptor(DescriptorId id);
    CurveEditView *curveView() const { return m_view; }

    /// Whether an analysis or synthesis is running.
    bool isBusy() const { return m_job != nullptr; }
    /// The message line's text (errors, notes, seeds), empty when none.
    QString message() const;

    /// Splits comma-separated tags, trimmed, empties and duplicates dropped; nullopt with
    /// @p error set when they break the limits (limits::kMaxTags, kMaxTagLength).
    static std::optional<QStringList> parseTags(const QString &text, QString *error);

public Q_SLOTS:
    /// Analyses @p path on a worker; emits presetEdited() with an analysed preset, or
    /// shows an error (and errorOccurred()).
    void loadSample(const QString &path);
    /// Asks for an audio file, then loadSample().
    void chooseSample();
    /// A new random impact from a fresh seed (QRandomGenerator).
    void randomize();
    void randomizeWithSeed(quint32 seed);
    /// Small random changes around the shown preset from a fresh seed.
    void vary();
    void varyWithSeed(quint32 seed);
    /// Fills an empty slot with a drawn template.
    void addPreset();

Q_SIGNALS:
    /// The user edited the preset of @p slot into @p preset. @p actionText names the edit
    /// for the undo stack ("Drag Loudness", "Randomize (seed 42)"); consecutive edits
    /// with the same @p mergeId (≠ −1) belong to one gesture (a drag, steps of one spin
    /// box) and should merge into one undo step.
    void presetEdited(int slot, const neurorack::Preset &preset, const QString &actionText, int mergeId);
    /// A user-caused error (unreadable file, invalid name), also shown in the panel.
    void errorOccurred(const QString &message);
    /// An analysis or synthesis started or ended.
    void busyChanged(bool busy);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    /// What a worker job hands back to the UI thread.
    struct JobOutcome {
        int slot = -1;
        std::optional<Preset> preset;
        QString actionText;
        QString error;
        QString note;
    };

    void buildUi();
    void showPresetFields(bool keepEditedText);
    void updateActions();
    void configureSpinBoxes();
    void endSpinSession();
    void onOffsetScaleChanged(bool offset);
    void onCurveDragged(DescriptorId id, const std::vector<float> &values);
    void onNameEdited();
    void onTagsEdited();
    void commit(const Preset &preset, const QString &actionText, int mergeId, bool replaced);
    void startJob(const QString &busyText, std::function<JobOutcome()> work);
    void finishJob();
    void showMessage(const QString &text, bool error);
    static QString localFileOf(const QMimeData *mime);

    int m_slot = -1;
    std::optional<Preset> m_preset;
    int m_nextMergeId = 1;
    int m_dragMergeId = -1;
    std::optional<DescriptorCurves> m_spinBase;
    int m_offsetMergeId = -1;
    int m_scaleMergeId = -1;
    bool m_updatingSpins = false;
    QFutureWatcher<JobOutcome> *m_job = nullptr;
    QString m_lastDirectory;

    QStackedWidget *m_stack = nullptr;
    QPushButton *m_addButton = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_tagsEdit = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QTabBar *m_descriptorTabs = nullptr;
    CurveEditView *m_view = nullptr;
    QDoubleSpinBox *m_offsetSpin = nullptr;
    QDoubleSpinBox *m_scaleSpin = nullptr;
    QLabel *m_readout = nullptr;
    QPushButton *m_sampleButton = nullptr;
    QPushButton *m_randomizeButton = nullptr;
    QPushButton *m_varyButton = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace neurorack::studio
