// SPDX-License-Identifier: GPL-3.0-or-later
#include "preseteditor.h"

#include "curveeditview.h"
#include "descriptorcolours.h"
#include "presetgenerator.h"

#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStackedWidget>
#include <QTabBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace neurorack::studio {

namespace {

enum Page { EmptyPage = 0, EditorPage = 1 };

// Offset and scale spin boxes per descriptor, in the units applyOffsetScale() takes.
struct SpinSpec {
    double offsetRange; ///< ± this
    double offsetStep;
    int offsetDecimals;
    double scaleMinimum;
    double scaleMaximum;
    double scaleStep;
};

SpinSpec spinSpec(DescriptorId id)
{
    static constexpr double kLoudnessOffsetDb = 40.0;
    static constexpr double kPitchOffsetSemitones = 48.0;
    static constexpr double kMaxScale = 4.0;
    static constexpr double kPitchScaleMin = 0.25;
    switch (id) {
    case DescriptorId::Loudness:
        return {kLoudnessOffsetDb, 0.5, 1, 0.0, kMaxScale, 0.05};
    case DescriptorId::Pitch:
        return {kPitchOffsetSemitones, 1.0, 1, kPitchScaleMin, kMaxScale, 0.01};
    case DescriptorId::Richness:
    case DescriptorId::Brightness:
        return {descriptor(id).maximum, 50.0, 0, 0.0, kMaxScale, 0.05};
    default:
        return {1.0, 0.05, 2, 0.0, kMaxScale, 0.05};
    }
}

constexpr int kEditorMinimumWidth = 560;
const QString kErrorStyle = QStringLiteral("color: #e57373;");
const QString kInvalidFieldStyle = QStringLiteral("QLineEdit { border: 1px solid #e53935; }");

} // namespace

PresetEditor::PresetEditor(QWidget *parent)
    : QWidget(parent)
{
    buildUi();
    setAcceptDrops(true);
    setPreset(nullptr, -1);
}

PresetEditor::~PresetEditor() = default;

void PresetEditor::buildUi()
{
    setMinimumWidth(kEditorMinimumWidth);
    auto *layout = new QVBoxLayout(this);

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    // An empty slot: a hint and the ways to fill it.
    auto *emptyPage = new QWidget(m_stack);
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    auto *hint = new QLabel(tr("This slot is empty.\nAdd a preset to draw, drop an audio file here to analyse it, "
                               "or let Randomize synthesise one."),
                            emptyPage);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    m_addButton = new QPushButton(tr("Add preset"), emptyPage);
    m_addButton->setObjectName(QStringLiteral("addPreset"));
    m_addButton->setToolTip(tr("Put a simple drawn impact in this slot to edit"));
    emptyLayout->addStretch();
    emptyLayout->addWidget(hint);
    emptyLayout->addWidget(m_addButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    m_stack->addWidget(emptyPage);

    auto *editorPage = new QWidget(m_stack);
    auto *editorLayout = new QVBoxLayout(editorPage);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    auto *fields = new QHBoxLayout;
    auto *form = new QFormLayout;
    m_nameEdit = new QLineEdit(editorPage);
    m_nameEdit->setObjectName(QStringLiteral("name"));
    m_nameEdit->setMaxLength(limits::kMaxNameLength);
    m_nameEdit->setAcceptDrops(false);
    m_nameEdit->setToolTip(tr("The preset's name, 1 to %1 characters").arg(limits::kMaxNameLength));
    m_tagsEdit = new QLineEdit(editorPage);
    m_tagsEdit->setObjectName(QStringLiteral("tags"));
    m_tagsEdit->setAcceptDrops(false);
    m_tagsEdit->setPlaceholderText(tr("kick, deep, …"));
    m_tagsEdit->setToolTip(tr("Comma-separated tags: at most %1, of 1 to %2 characters each")
                               .arg(limits::kMaxTags)
                               .arg(limits::kMaxTagLength));
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Tags:"), m_tagsEdit);
    fields->addLayout(form, 2);
    m_sourceLabel = new QLabel(editorPage);
    m_sourceLabel->setWordWrap(true);
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fields->addWidget(m_sourceLabel, 1);
    editorLayout->addLayout(fields);

    m_descriptorTabs = new QTabBar(editorPage);
    m_descriptorTabs->setExpanding(false);
    m_descriptorTabs->setDrawBase(false);
    for (const auto id : kAllDescriptors) {
        const auto &info = descriptor(id);
        const int tab = m_descriptorTabs->addTab(info.translatedName());
        m_descriptorTabs->setTabTextColor(tab, descriptorColour(id).darker(id == DescriptorId::Loudness ? 160 : 115));
        m_descriptorTabs->setTabToolTip(tab, tr("Edit %1 (%2 … %3)")
                                                 .arg(info.translatedName(), info.formatValue(info.minimum),
                                                      info.formatValue(info.maximum)));
    }
    editorLayout->addWidget(m_descriptorTabs);

    m_view = new CurveEditView(editorPage);
    editorLayout->addWidget(m_view, 1);

    auto *transform = new QHBoxLayout;
    m_offsetSpin = new QDoubleSpinBox(editorPage);
    m_offsetSpin->setKeyboardTracking(false);
    m_offsetSpin->setAccelerated(true);
    m_offsetSpin->setObjectName(QStringLiteral("offset"));
    m_scaleSpin = new QDoubleSpinBox(editorPage);
    m_scaleSpin->setObjectName(QStringLiteral("scale"));
    m_scaleSpin->setKeyboardTracking(false);
    m_scaleSpin->setDecimals(2);
    m_scaleSpin->setPrefix(QStringLiteral("×"));
    auto *offsetLabel = new QLabel(tr("&Offset:"), editorPage);
    offsetLabel->setBuddy(m_offsetSpin);
    auto *scaleLabel = new QLabel(tr("&Scale:"), editorPage);
    scaleLabel->setBuddy(m_scaleSpin);
    m_readout = new QLabel(editorPage);
    m_readout->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0.000 s  ·  8000 Hz (B8 +50 ct)")));
    transform->addWidget(offsetLabel);
    transform->addWidget(m_offsetSpin);
    transform->addWidget(scaleLabel);
    transform->addWidget(m_scaleSpin);
    transform->addStretch();
    transform->addWidget(m_readout);
    editorLayout->addLayout(transform);
    m_stack->addWidget(editorPage);

    auto *actions = new QHBoxLayout;
    m_sampleButton = new QPushButton(tr("From sample…"), this);
    m_sampleButton->setToolTip(tr("Analyse an audio file into this slot (or drop a file on the editor)"));
    m_randomizeButton = new QPushButton(tr("Randomize"), this);
    m_randomizeButton->setToolTip(tr("Synthesise a random impact and analyse it into this slot"));
    m_varyButton = new QPushButton(tr("Vary"), this);
    m_varyButton->setToolTip(tr("Small random changes of every curve and of the duration"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    actions->addWidget(m_message, 1);
    actions->addWidget(m_sampleButton);
    actions->addWidget(m_randomizeButton);
    actions->addWidget(m_varyButton);
    layout->addLayout(actions);

    connect(m_addButton, &QPushButton::clicked, this, &PresetEditor::addPreset);
    connect(m_sampleButton, &QPushButton::clicked, this, &PresetEditor::chooseSample);
    connect(m_randomizeButton, &QPushButton::clicked, this, &PresetEditor::randomize);
    connect(m_varyButton, &QPushButton::clicked, this, &PresetEditor::vary);
    connect(m_nameEdit, &QLineEdit::editingFinished, this, &PresetEditor::onNameEdited);
    connect(m_nameEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_nameEdit->setStyleSheet(text.trimmed().isEmpty() ? kInvalidFieldStyle : QString());
    });
    connect(m_tagsEdit, &QLineEdit::editingFinished, this, &PresetEditor::onTagsEdited);
    connect(m_tagsEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        QString error;
        m_tagsEdit->setStyleSheet(parseTags(text, &error) ? QString() : kInvalidFieldStyle);
        m_tagsEdit->setToolTip(error);
    });
    connect(m_descriptorTabs, &QTabBar::currentChanged, this, [this](int index) {
        endSpinSession();
        m_view->setDescriptor(descriptorAt(index).id);
        configureSpinBoxes();
    });
    connect(m_offsetSpin, &QDoubleSpinBox::valueChanged, this, [this] { onOffsetScaleChanged(true); });
    connect(m_scaleSpin, &QDoubleSpinBox::valueChanged, this, [this] { onOffsetScaleChanged(false); });
    // A new round of steps after the user left a spin box is a new undo step.
    connect(m_offsetSpin, &QDoubleSpinBox::editingFinished, this, [this] { m_offsetMergeId = -1; });
    connect(m_scaleSpin, &QDoubleSpinBox::editingFinished, this, [this] { m_scaleMergeId = -1; });
    connect(m_view, &CurveEditView::dragStarted, this, [this] {
        endSpinSession();
        m_dragMergeId = m_nextMergeId++;
    });
    connect(m_view, &CurveEditView::curveDragged, this, &PresetEditor::onCurveDragged);
    connect(m_view, &CurveEditView::dragFinished, this, [this] { m_dragMergeId = -1; });
    const QString usage = tr("Drag a handle to edit · wheel to zoom · double-click for all");
    connect(m_view, &CurveEditView::readoutChanged, this,
            [this, usage](const QString &text) { m_readout->setText(text.isEmpty() ? usage : text); });
    m_readout->setText(usage);
    configureSpinBoxes();
}

void PresetEditor::setPreset(const Preset *preset, int slot)
{
    const bool sameSlot = slot == m_slot;
    if (sameSlot && preset && m_preset && *preset == *m_preset)
        return; // our own edit coming back: nothing changes, a drag goes on
    if (!sameSlot) {
        m_view->abortDrag();
        m_message->clear();
    }
    const bool wasEmpty = !m_preset;
    m_slot = slot;
    m_preset = preset ? std::optional<Preset>(*preset) : std::nullopt;
    endSpinSession();
    if (!m_preset) {
        m_view->abortDrag();
        m_view->setCurves(DescriptorCurves());
        m_stack->setCurrentIndex(EmptyPage);
    } else {
        m_stack->setCurrentIndex(EditorPage);
        showPresetFields(sameSlot);
        m_view->setCurves(m_preset->curves);
        if (!sameSlot || wasEmpty)
            m_view->resetView();
    }
    updateActions();
}

DescriptorId PresetEditor::currentDescriptor() const
{
    return m_view->descriptorId();
}

void PresetEditor::setCurrentDescriptor(DescriptorId id)
{
    m_descriptorTabs->setCurrentIndex(static_cast<int>(id));
}

QString PresetEditor::message() const
{
    return m_message->text();
}

void PresetEditor::showPresetFields(bool keepEditedText)
{
    // Text the user is typing in stays; everything else shows the preset.
    if (!(keepEditedText && m_nameEdit->hasFocus() && m_nameEdit->isModified())) {
        m_nameEdit->setText(m_preset->name);
        m_nameEdit->setStyleSheet(QString());
    }
    if (!(keepEditedText && m_tagsEdit->hasFocus() && m_tagsEdit->isModified())) {
        m_tagsEdit->setText(m_preset->tags.join(QStringLiteral(", ")));
        m_tagsEdit->setStyleSheet(QString());
    }
    QString source;
    switch (m_preset->source) {
    case PresetSource::Drawn:
        source = tr("Drawn");
        break;
    case PresetSource::Analysed:
        source = tr("Analysed from %1").arg(m_preset->sourceDetail);
        break;
    case PresetSource::Generated:
        source = tr("Generated: %1").arg(m_preset->sourceDetail);
        break;
    }
    m_sourceLabel->setText(tr("%1\n%2 s, %3 frames")
                               .arg(source)
                               .arg(m_preset->duration(), 0, 'f', 2)
                               .arg(m_preset->curves.frameCount()));
    m_sourceLabel->setToolTip(m_preset->sourceDetail);
}

void PresetEditor::updateActions()
{
    const bool idle = !isBusy();
    m_addButton->setEnabled(idle && m_slot >= 0);
    m_sampleButton->setEnabled(idle && m_slot >= 0);
    m_randomizeButton->setEnabled(idle && m_slot >= 0);
    m_varyButton->setEnabled(idle && m_preset.has_value());
}

void PresetEditor::configureSpinBoxes()
{
    const DescriptorId id = currentDescriptor();
    const SpinSpec spec = spinSpec(id);
    m_updatingSpins = true;
    m_offsetSpin->setDecimals(spec.offsetDecimals);
    m_offsetSpin->setRange(-spec.offsetRange, spec.offsetRange);
    m_offsetSpin->setSingleStep(spec.offsetStep);
    m_scaleSpin->setRange(spec.scaleMinimum, spec.scaleMaximum);
    m_scaleSpin->setSingleStep(spec.scaleStep);
    switch (id) {
    case DescriptorId::Loudness:
        m_offsetSpin->setSuffix(tr(" dB"));
        m_offsetSpin->setToolTip(tr("Raise or lower the whole loudness curve, in dB"));
        m_scaleSpin->setToolTip(tr("Stretch the dynamics below the peak (the peak keeps its level)"));
        break;
    case DescriptorId::Pitch:
        m_offsetSpin->setSuffix(tr(" st"));
        m_offsetSpin->setToolTip(tr("Transpose the pitch curve, in semitones"));
        m_scaleSpin->setToolTip(tr("Multiply the pitch (a frequency ratio)"));
        break;
    case DescriptorId::Richness:
    case DescriptorId::Brightness:
        m_offsetSpin->setSuffix(tr(" Hz"));
        m_offsetSpin->setToolTip(tr("Add to the whole curve, in Hz"));
        m_scaleSpin->setToolTip(tr("Multiply the whole curve"));
        break;
    default:
        m_offsetSpin->setSuffix(QString());
        m_offsetSpin->setToolTip(tr("Add to the whole curve (the range is 0 to 1)"));
        m_scaleSpin->setToolTip(tr("Multiply the whole curve"));
        break;
    }
    m_offsetSpin->setValue(0.0);
    m_scaleSpin->setValue(1.0);
    m_updatingSpins = false;
}

void PresetEditor::endSpinSession()
{
    m_spinBase.reset();
    m_offsetMergeId = -1;
    m_scaleMergeId = -1;
    m_updatingSpins = true;
    m_offsetSpin->setValue(0.0);
    m_scaleSpin->setValue(1.0);
    m_updatingSpins = false;
}

void PresetEditor::onOffsetScaleChanged(bool offset)
{
    if (m_updatingSpins || !m_preset)
        return;
    // The spin boxes show the transform applied since the session began, so every
    // step recomputes from the same base rather than compounding rounding.
    if (!m_spinBase || m_spinBase->frameCount() != m_preset->curves.frameCount())
        m_spinBase = m_preset->curves;
    int &mergeId = offset ? m_offsetMergeId : m_scaleMergeId;
    if (mergeId < 0)
        mergeId = m_nextMergeId++;
    (offset ? m_scaleMergeId : m_offsetMergeId) = -1;
    const DescriptorId id = currentDescriptor();
    Preset edited = *m_preset;
    edited.curves = *m_spinBase;
    edited.curves.applyOffsetScale(id, m_offsetSpin->value(), m_scaleSpin->value());
    const QString name = descriptor(id).translatedName();
    const int gesture = mergeId;
    m_preset = edited;
    m_view->setCurves(edited.curves);
    Q_EMIT presetEdited(m_slot, edited, offset ? tr("Offset %1").arg(name) : tr("Scale %1").arg(name), gesture);
}

void PresetEditor::onCurveDragged(DescriptorId id, const std::vector<float> &values)
{
    if (!m_preset || m_preset->curves.frameCount() != static_cast<int>(values.size()))
        return;
    Preset edited = *m_preset;
    std::ranges::copy(values, edited.curves.curve(id).begin());
    if (edited == *m_preset)
        return;
    if (m_dragMergeId < 0)
        m_dragMergeId = m_nextMergeId++;
    commit(edited, tr("Drag %1").arg(descriptor(id).translatedName()), m_dragMergeId, false);
}

void PresetEditor::onNameEdited()
{
    if (!m_preset)
        return;
    const QString name = m_nameEdit->text().trimmed();
    if (name == m_preset->name) {
        m_nameEdit->setStyleSheet(QString());
        return;
    }
    if (name.isEmpty() || name.size() > limits::kMaxNameLength) {
        m_nameEdit->setStyleSheet(kInvalidFieldStyle);
        const QString error = tr("A preset needs a name of 1 to %1 characters.").arg(limits::kMaxNameLength);
        showMessage(error, true);
        Q_EMIT errorOccurred(error);
        return;
    }
    m_nameEdit->setStyleSheet(QString());
    Preset edited = *m_preset;
    edited.name = name;
    commit(edited, tr("Rename preset"), -1, false);
}

void PresetEditor::onTagsEdited()
{
    if (!m_preset)
        return;
    QString error;
    const auto tags = parseTags(m_tagsEdit->text(), &error);
    if (!tags) {
        m_tagsEdit->setStyleSheet(kInvalidFieldStyle);
        showMessage(error, true);
        Q_EMIT errorOccurred(error);
        return;
    }
    m_tagsEdit->setStyleSheet(QString());
    if (*tags == m_preset->tags)
        return;
    Preset edited = *m_preset;
    edited.tags = *tags;
    commit(edited, tr("Edit tags"), -1, false);
}

std::optional<QStringList> PresetEditor::parseTags(const QString &text, QString *error)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString tag = part.trimmed();
        if (tag.isEmpty() || tags.contains(tag))
            continue;
        if (tag.size() > limits::kMaxTagLength) {
            if (error)
                *error = tr("The tag \"%1\" is longer than %2 characters.").arg(tag).arg(limits::kMaxTagLength);
            return std::nullopt;
        }
        tags << tag;
    }
    if (tags.size() > limits::kMaxTags) {
        if (error)
            *error = tr("%1 tags; a preset has at most %2.").arg(tags.size()).arg(limits::kMaxTags);
        return std::nullopt;
    }
    return tags;
}

void PresetEditor::commit(const Preset &preset, const QString &actionText, int mergeId, bool replaced)
{
    if (replaced)
        endSpinSession();
    const bool wasEmpty = !m_preset;
    m_preset = preset;
    m_stack->setCurrentIndex(EditorPage);
    showPresetFields(!replaced);
    m_view->setCurves(preset.curves);
    if (replaced || wasEmpty)
        m_view->resetView();
    updateActions();
    // A copy: the receiver may call setPreset() back, which must not alias what it reads.
    const Preset edited = preset;
    Q_EMIT presetEdited(m_slot, edited, actionText, mergeId);
}

void PresetEditor::loadSample(const QString &path)
{
    if (m_slot < 0)
        return;
    const int slot = m_slot;
    const QString fileName = QFileInfo(path).fileName();
    m_lastDirectory = QFileInfo(path).absolutePath();
    startJob(tr("Analysing %1…").arg(fileName), [path, slot, fileName] {
        JobOutcome outcome;
        outcome.slot = slot;
        auto analysis = PresetGenerator::fromAudioFile(path);
        if (!analysis) {
            outcome.error = analysis.errorString();
            return outcome;
        }
        outcome.preset = analysis->preset;
        outcome.note = analysis->note.isEmpty() ? tr("Analysed %1.").arg(fileName) : analysis->note;
        outcome.actionText = tr("Analyse %1").arg(fileName);
        return outcome;
    });
}

void PresetEditor::chooseSample()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Analyse an audio file"), m_lastDirectory,
        tr("Audio files (*.wav *.flac *.aif *.aiff *.ogg *.opus *.mp3);;All files (*)"));
    if (!path.isEmpty())
        loadSample(path);
}

void PresetEditor::randomize()
{
    randomizeWithSeed(QRandomGenerator::global()->generate());
}

void PresetEditor::randomizeWithSeed(quint32 seed)
{
    if (m_slot < 0)
        return;
    const int slot = m_slot;
    startJob(tr("Synthesising an impact (seed %1)…").arg(seed), [seed, slot] {
        JobOutcome outcome;
        outcome.slot = slot;
        outcome.preset = PresetGenerator::randomImpact(seed);
        outcome.actionText = tr("Randomize (seed %1)").arg(seed);
        outcome.note = tr("Randomized from seed %1: %2").arg(seed).arg(outcome.preset->sourceDetail);
        return outcome;
    });
}

void PresetEditor::vary()
{
    varyWithSeed(QRandomGenerator::global()->generate());
}

void PresetEditor::varyWithSeed(quint32 seed)
{
    if (!m_preset || isBusy())
        return;
    const Preset varied = PresetGenerator::varied(*m_preset, seed);
    showMessage(tr("Varied with seed %1.").arg(seed), false);
    commit(varied, tr("Vary (seed %1)").arg(seed), -1, true);
}

void PresetEditor::addPreset()
{
    if (m_slot < 0 || isBusy())
        return;
    commit(PresetGenerator::drawnTemplate(), tr("Add preset"), -1, true);
}

void PresetEditor::startJob(const QString &busyText, std::function<JobOutcome()> work)
{
    if (m_job) {
        showMessage(tr("Still busy; try again when the current analysis is done."), true);
        return;
    }
    m_job = new QFutureWatcher<JobOutcome>(this);
    connect(m_job, &QFutureWatcherBase::finished, this, &PresetEditor::finishJob);
    m_job->setFuture(QtConcurrent::run(std::move(work)));
    showMessage(busyText, false);
    updateActions();
    Q_EMIT busyChanged(true);
}

void PresetEditor::finishJob()
{
    QFutureWatcher<JobOutcome> *job = std::exchange(m_job, nullptr);
    const JobOutcome outcome = job->result();
    job->deleteLater();
    updateActions();
    Q_EMIT busyChanged(false);
    if (!outcome.preset) {
        showMessage(outcome.error, true);
        Q_EMIT errorOccurred(outcome.error);
        return;
    }
    showMessage(outcome.note, false);
    if (outcome.slot == m_slot) {
        commit(*outcome.preset, outcome.actionText, -1, true);
    } else {
        // The user moved on to another slot meanwhile: the result still goes where it was asked for.
        const Preset edited = *outcome.preset;
        Q_EMIT presetEdited(outcome.slot, edited, outcome.actionText, -1);
    }
}

void PresetEditor::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? kErrorStyle : QString());
    m_message->setText(text);
}

QString PresetEditor::localFileOf(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

void PresetEditor::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_slot >= 0 && !localFileOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void PresetEditor::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_slot >= 0 && !localFileOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void PresetEditor::dropEvent(QDropEvent *event)
{
    const QString path = localFileOf(event->mimeData());
    if (m_slot < 0 || path.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    loadSample(path);
}

} // namespace neurorack::studio
