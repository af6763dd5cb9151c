// SPDX-License-Identifier: GPL-3.0-or-later
#include "mappingeditor.h"

#include "model/factory.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace neurorack::studio {

namespace {

/// The input range's ends stay at least this far apart.
constexpr double kMinVoltsSpan = 0.1;
constexpr double kVoltsStep = 0.1;
constexpr int kVoltsDecimals = 2;
constexpr double kHysteresisStep = 0.05;
constexpr double kSmoothingStep = 1.0;
constexpr int kSmoothingDecimals = 1;
/// Merge ids cycle through this many gestures (keeps them well inside an int).
constexpr int kGestureWrap = 1 << 20;
constexpr int kInputSlots = Mapping::kCvCount + Mapping::kGateCount;
/// Pitch offsets start at one octave either way.
constexpr double kDefaultPitchOffset = 12.0;
constexpr double kDefaultScaleLow = 0.5;
constexpr double kDefaultScaleHigh = 2.0;

constexpr std::array<CvTarget, 7> kTargets{CvTarget::None,         CvTarget::DescriptorOffset, CvTarget::DescriptorScale,
                                           CvTarget::MorphAmount,  CvTarget::PresetSelect,     CvTarget::BankScan,
                                           CvTarget::PitchVoct};
constexpr std::array<ResponseCurve, 4> kCurves{ResponseCurve::Linear, ResponseCurve::Exponential, ResponseCurve::Logarithmic,
                                               ResponseCurve::SCurve};
constexpr std::array<GateAction, 5> kActions{GateAction::None, GateAction::Trigger, GateAction::TriggerMorph,
                                             GateAction::NextPreset, GateAction::PreviousPreset};

QString targetName(CvTarget target)
{
    switch (target) {
    case CvTarget::None:
        return MappingEditor::tr("Nothing");
    case CvTarget::DescriptorOffset:
        return MappingEditor::tr("Descriptor offset");
    case CvTarget::DescriptorScale:
        return MappingEditor::tr("Descriptor scale");
    case CvTarget::MorphAmount:
        return MappingEditor::tr("Morph amount");
    case CvTarget::PresetSelect:
        return MappingEditor::tr("Preset select");
    case CvTarget::BankScan:
        return MappingEditor::tr("Bank scan");
    case CvTarget::PitchVoct:
        return MappingEditor::tr("Pitch (1 V/oct)");
    }
    return {};
}

QString curveName(ResponseCurve curve)
{
    switch (curve) {
    case ResponseCurve::Linear:
        return MappingEditor::tr("Linear");
    case ResponseCurve::Exponential:
        return MappingEditor::tr("Exponential (x²)");
    case ResponseCurve::Logarithmic:
        return MappingEditor::tr("Logarithmic (√x)");
    case ResponseCurve::SCurve:
        return MappingEditor::tr("S-curve");
    }
    return {};
}

QString actionName(GateAction action)
{
    switch (action) {
    case GateAction::None:
        return MappingEditor::tr("Nothing");
    case GateAction::Trigger:
        return MappingEditor::tr("Play the current preset");
    case GateAction::TriggerMorph:
        return MappingEditor::tr("Play the morph");
    case GateAction::NextPreset:
        return MappingEditor::tr("Next preset");
    case GateAction::PreviousPreset:
        return MappingEditor::tr("Previous preset");
    }
    return {};
}

/// The unit of a target's range, for the label beside it.
QString rangeUnit(CvTarget target, DescriptorId id)
{
    switch (target) {
    case CvTarget::DescriptorOffset:
        return id == DescriptorId::Pitch ? MappingEditor::tr("semitones") : descriptor(id).unitString();
    case CvTarget::DescriptorScale:
        return MappingEditor::tr("× (factor)");
    case CvTarget::MorphAmount:
        return MappingEditor::tr("A (0) … B (1)");
    case CvTarget::PresetSelect:
    case CvTarget::BankScan:
        return MappingEditor::tr("first (0) … last (1)");
    case CvTarget::PitchVoct:
        return MappingEditor::tr("fixed: 12 semitones per volt");
    case CvTarget::None:
        break;
    }
    return {};
}

/// A range that makes sense when a target (or its descriptor) is chosen: a quarter of
/// the widest offset, ×0.5 … ×2 for scales, the whole 0..1 for positions.
std::pair<double, double> defaultRange(CvTarget target, DescriptorId id)
{
    const auto [lo, hi] = cvTargetRangeLimits(target, id);
    switch (target) {
    case CvTarget::DescriptorOffset:
        if (id == DescriptorId::Pitch)
            return {-kDefaultPitchOffset, kDefaultPitchOffset};
        return {lo / 4.0, hi / 4.0};
    case CvTarget::DescriptorScale:
        return {kDefaultScaleLow, kDefaultScaleHigh};
    default:
        return {lo, hi};
    }
}

/// A step of about a hundredth of @p span, a power of ten.
double stepFor(double span)
{
    return span > 0.0 ? std::pow(10.0, std::floor(std::log10(span / 100.0))) : 1.0;
}

int decimalsFor(double step)
{
    // One decimal more than the step needs, so that values typed in files show whole.
    return std::clamp(static_cast<int>(-std::floor(std::log10(step))) + 1, 1, 4);
}

QDoubleSpinBox *spinBox(double minimum, double maximum, double step, int decimals, const QString &suffix)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(minimum, maximum);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    // Typing commits on Enter or focus out, not at every keystroke; arrows and the wheel
    // commit each step (merged into one undo command per gesture).
    box->setKeyboardTracking(false);
    box->setAccelerated(true);
    return box;
}

void setValueQuietly(QDoubleSpinBox *box, double value)
{
    const QSignalBlocker blocker(box);
    box->setValue(value);
}

} // namespace

MappingEditor::MappingEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(6, 6, 6, 0);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("mappingName"));
    m_name->setMaxLength(limits::kMaxNameLength);
    m_name->setPlaceholderText(tr("Mapping name"));
    connect(m_name, &QLineEdit::editingFinished, this, &MappingEditor::editName);
    m_factory = new QComboBox;
    m_factory->setObjectName(QStringLiteral("factoryMapping"));
    m_factory->addItem(tr("Load factory mapping…"));
    m_factory->addItem(tr("Original panel"));
    m_factory->addItem(tr("Alternative (bank scan)"));
    m_factory->setToolTip(tr("Replaces the whole mapping with one of the two that ship with the module"));
    connect(m_factory, &QComboBox::currentIndexChanged, this, &MappingEditor::loadFactory);
    header->addWidget(new QLabel(tr("Name:")));
    header->addWidget(m_name, 1);
    header->addWidget(m_factory);
    outer->addLayout(header);

    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    for (int i = 0; i < Mapping::kCvCount; ++i)
        grid->addWidget(createCv(i), 0, i);
    // The gates sit under the CVs, as on the panel: gate 1 under CV 1–2, gate 2 under CV 3–4.
    for (int g = 0; g < Mapping::kGateCount; ++g)
        grid->addWidget(createGate(g), 1, g * 2, 1, 2);
    m_simulationNote = new QLabel(tr("Live simulation: move a CV slider, hold a gate button to play what the module "
                                     "would play. Smoothing is not simulated."));
    m_simulationNote->setWordWrap(true);
    m_simulationNote->setEnabled(false);
    grid->addWidget(m_simulationNote, 2, 0, 1, Mapping::kCvCount);
    grid->setRowStretch(3, 1);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    m_sim = new ModuleSimulation(this);
    connect(m_sim, &ModuleSimulation::auditionRequested, this, &MappingEditor::auditionRequested);
    connect(m_sim, &ModuleSimulation::slotRequested, this, &MappingEditor::slotRequested);
    connect(m_sim, &ModuleSimulation::cvCurvesChanged, this, &MappingEditor::cvCurvesChanged);
    connect(m_sim, &ModuleSimulation::message, m_simulationNote, &QLabel::setText);
    connect(m_sim, &ModuleSimulation::changed, this, &MappingEditor::updateReadouts);

    setBank(nullptr, 0);
}

MappingEditor::~MappingEditor() = default;

QGroupBox *MappingEditor::createCv(int input)
{
    CvWidgets &w = m_cv[static_cast<std::size_t>(input)];
    const QString prefix = QStringLiteral("cv%1").arg(input + 1);
    w.box = new QGroupBox(tr("CV %1").arg(input + 1));
    auto *form = new QFormLayout(w.box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    w.target = new QComboBox;
    for (CvTarget target : kTargets)
        w.target->addItem(targetName(target), static_cast<int>(target));
    w.target->setToolTip(tr("What this CV input drives"));
    form->addRow(tr("Target"), w.target);

    w.descriptor = new QComboBox;
    for (DescriptorId id : kAllDescriptors)
        w.descriptor->addItem(descriptor(id).translatedName(), static_cast<int>(id));
    w.descriptor->setToolTip(tr("The descriptor an offset or a scale applies to"));
    form->addRow(tr("Descriptor"), w.descriptor);

    w.voltsLow = spinBox(CvInput::kMinVolts, CvInput::kMaxVolts, kVoltsStep, kVoltsDecimals, tr(" V"));
    w.voltsHigh = spinBox(CvInput::kMinVolts, CvInput::kMaxVolts, kVoltsStep, kVoltsDecimals, tr(" V"));
    w.voltsLow->setToolTip(tr("The input voltage that gives the low end of the range; lower voltages read as this"));
    w.voltsHigh->setToolTip(tr("The input voltage that gives the high end of the range; higher voltages read as this"));
    auto *volts = new QHBoxLayout;
    volts->addWidget(w.voltsLow);
    volts->addWidget(new QLabel(tr("to")));
    volts->addWidget(w.voltsHigh);
    form->addRow(tr("Input"), volts);

    w.rangeLow = spinBox(0.0, 1.0, 0.01, 2, {});
    w.rangeHigh = spinBox(0.0, 1.0, 0.01, 2, {});
    w.rangeLow->setToolTip(tr("The target's value at the input's low voltage"));
    w.rangeHigh->setToolTip(tr("The target's value at the input's high voltage (may be below the low end)"));
    auto *range = new QHBoxLayout;
    range->addWidget(w.rangeLow);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(w.rangeHigh);
    form->addRow(tr("Range"), range);
    w.rangeUnit = new QLabel;
    w.rangeUnit->setEnabled(false);
    form->addRow(QString(), w.rangeUnit);

    w.curve = new QComboBox;
    for (ResponseCurve curve : kCurves)
        w.curve->addItem(curveName(curve), static_cast<int>(curve));
    w.curve->setToolTip(tr("How the voltage is shaped between the two ends of the range"));
    form->addRow(tr("Curve"), w.curve);

    w.smoothing = spinBox(0.0, CvInput::kMaxSmoothingMs, kSmoothingStep, kSmoothingDecimals, tr(" ms"));
    w.smoothing->setToolTip(tr("Time constant of the module's one-pole smoother (0: none). "
                               "The live simulation below does not smooth: its sliders act at once."));
    form->addRow(tr("Smoothing"), w.smoothing);

    w.slider = new QSlider(Qt::Horizontal);
    w.slider->setToolTip(tr("Simulated voltage at this input (smoothing is not simulated)"));
    w.readout = new QLabel;
    w.readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Simulate"), w.slider);
    form->addRow(QString(), w.readout);

    w.target->setObjectName(prefix + QStringLiteral("Target"));
    w.descriptor->setObjectName(prefix + QStringLiteral("Descriptor"));
    w.voltsLow->setObjectName(prefix + QStringLiteral("VoltsLow"));
    w.voltsHigh->setObjectName(prefix + QStringLiteral("VoltsHigh"));
    w.rangeLow->setObjectName(prefix + QStringLiteral("RangeLow"));
    w.rangeHigh->setObjectName(prefix + QStringLiteral("RangeHigh"));
    w.curve->setObjectName(prefix + QStringLiteral("Curve"));
    w.smoothing->setObjectName(prefix + QStringLiteral("Smoothing"));
    w.slider->setObjectName(prefix + QStringLiteral("Slider"));
    w.readout->setObjectName(prefix + QStringLiteral("Readout"));

    connect(w.target, &QComboBox::currentIndexChanged, this, [this, input] { editCv(input, Target, false); });
    connect(w.descriptor, &QComboBox::currentIndexChanged, this, [this, input] { editCv(input, Descriptor, false); });
    connect(w.curve, &QComboBox::currentIndexChanged, this, [this, input] { editCv(input, Curve, false); });
    connect(w.voltsLow, &QDoubleSpinBox::valueChanged, this, [this, input] { editCv(input, VoltsLow, true); });
    connect(w.voltsHigh, &QDoubleSpinBox::valueChanged, this, [this, input] { editCv(input, VoltsHigh, true); });
    connect(w.rangeLow, &QDoubleSpinBox::valueChanged, this, [this, input] { editCv(input, RangeLow, true); });
    connect(w.rangeHigh, &QDoubleSpinBox::valueChanged, this, [this, input] { editCv(input, RangeHigh, true); });
    connect(w.smoothing, &QDoubleSpinBox::valueChanged, this, [this, input] { editCv(input, Smoothing, true); });
    connect(w.slider, &QSlider::valueChanged, this,
            [this, input](int value) { m_sim->setCv(input, static_cast<double>(value) / kSliderStepsPerVolt); });
    return w.box;
}

QGroupBox *MappingEditor::createGate(int gate)
{
    GateWidgets &w = m_gates[static_cast<std::size_t>(gate)];
    const QString prefix = QStringLiteral("gate%1").arg(gate + 1);
    w.box = new QGroupBox(tr("Gate %1").arg(gate + 1));
    auto *form = new QFormLayout(w.box);

    w.action = new QComboBox;
    for (GateAction action : kActions)
        w.action->addItem(actionName(action), static_cast<int>(action));
    w.action->setToolTip(tr("What a rising edge at this gate does"));
    form->addRow(tr("Action"), w.action);
    w.threshold = spinBox(CvInput::kMinVolts, CvInput::kMaxVolts, kVoltsStep, kVoltsDecimals, tr(" V"));
    w.threshold->setToolTip(tr("The gate goes high above this voltage"));
    form->addRow(tr("Threshold"), w.threshold);
    w.hysteresis = spinBox(0.0, GateInput::kMaxHysteresis, kHysteresisStep, kVoltsDecimals, tr(" V"));
    w.hysteresis->setToolTip(tr("The gate goes low again only below the threshold minus this, so a noisy edge fires once"));
    form->addRow(tr("Hysteresis"), w.hysteresis);

    w.button = new QPushButton(tr("Hold to play gate %1").arg(gate + 1));
    w.button->setToolTip(tr("Puts %1 V on the gate while held down").arg(kGateHighVolts));
    w.state = new QLabel;
    form->addRow(tr("Simulate"), w.button);
    form->addRow(QString(), w.state);

    w.action->setObjectName(prefix + QStringLiteral("Action"));
    w.threshold->setObjectName(prefix + QStringLiteral("Threshold"));
    w.hysteresis->setObjectName(prefix + QStringLiteral("Hysteresis"));
    w.button->setObjectName(prefix + QStringLiteral("Button"));
    w.state->setObjectName(prefix + QStringLiteral("State"));

    connect(w.action, &QComboBox::currentIndexChanged, this, [this, gate] { editGate(gate, Action, false); });
    connect(w.threshold, &QDoubleSpinBox::valueChanged, this, [this, gate] { editGate(gate, Threshold, true); });
    connect(w.hysteresis, &QDoubleSpinBox::valueChanged, this, [this, gate] { editGate(gate, Hysteresis, true); });
    connect(w.button, &QPushButton::pressed, this, [this, gate] { m_sim->setGate(gate, kGateHighVolts); });
    connect(w.button, &QPushButton::released, this, [this, gate] { m_sim->setGate(gate, 0.0); });
    return w.box;
}

void MappingEditor::setBank(const Bank *bank, int slot)
{
    m_bank = bank;
    if (bank)
        m_mapping = bank->mapping();
    const bool enabled = bank != nullptr;
    for (auto &w : m_cv)
        w.box->setEnabled(enabled);
    for (auto &w : m_gates)
        w.box->setEnabled(enabled);
    m_name->setEnabled(enabled);
    m_factory->setEnabled(enabled);
    // Quietly first: the fields must show the new mapping before anything reads them.
    {
        const QSignalBlocker blocker(m_sim);
        m_sim->setBank(bank, slot);
    }
    showMapping();
}

void MappingEditor::showMapping()
{
    ++m_updating;
    // Text the user is typing (not yet committed) stays.
    if (m_name->text() != m_mapping.name && !(m_name->hasFocus() && m_name->isModified())) {
        const QSignalBlocker blocker(m_name);
        m_name->setText(m_mapping.name);
        m_name->setModified(false);
    }
    for (int i = 0; i < Mapping::kCvCount; ++i)
        showCv(i);
    for (int g = 0; g < Mapping::kGateCount; ++g)
        showGate(g);
    --m_updating;
    updateReadouts();
}

void MappingEditor::showCv(int input)
{
    const CvInput &cv = m_mapping.cv[static_cast<std::size_t>(input)];
    CvWidgets &w = m_cv[static_cast<std::size_t>(input)];
    {
        const QSignalBlocker blocker(w.target);
        w.target->setCurrentIndex(w.target->findData(static_cast<int>(cv.target)));
    }
    {
        const QSignalBlocker blocker(w.descriptor);
        w.descriptor->setCurrentIndex(static_cast<int>(cv.descriptor));
    }
    w.descriptor->setEnabled(cvTargetHasDescriptor(cv.target));

    {
        const QSignalBlocker low(w.voltsLow);
        const QSignalBlocker high(w.voltsHigh);
        w.voltsLow->setRange(CvInput::kMinVolts, cv.voltsHigh - kMinVoltsSpan);
        w.voltsHigh->setRange(cv.voltsLow + kMinVoltsSpan, CvInput::kMaxVolts);
        w.voltsLow->setValue(cv.voltsLow);
        w.voltsHigh->setValue(cv.voltsHigh);
    }
    const bool active = cv.target != CvTarget::None;
    w.voltsLow->setEnabled(active);
    w.voltsHigh->setEnabled(active);

    const bool hasRange = cvTargetHasRange(cv.target);
    const auto [lo, hi] = hasRange ? cvTargetRangeLimits(cv.target, cv.descriptor) : std::pair{0.0, 0.0};
    const double step = stepFor(hi - lo);
    for (auto [box, value] : {std::pair{w.rangeLow, cv.rangeLow}, std::pair{w.rangeHigh, cv.rangeHigh}}) {
        const QSignalBlocker blocker(box);
        box->setDecimals(decimalsFor(step));
        box->setSingleStep(step);
        box->setRange(lo, hi);
        box->setValue(hasRange ? value : 0.0);
        box->setEnabled(hasRange);
    }
    w.rangeUnit->setText(rangeUnit(cv.target, cv.descriptor));

    {
        const QSignalBlocker blocker(w.curve);
        w.curve->setCurrentIndex(w.curve->findData(static_cast<int>(cv.curve)));
    }
    // 1 V/oct must track linearly (the file format refuses anything else).
    w.curve->setEnabled(active && cv.target != CvTarget::PitchVoct);
    setValueQuietly(w.smoothing, cv.smoothingMs);
    w.smoothing->setEnabled(active);
    updateSlider(input);
}

void MappingEditor::showGate(int gate)
{
    const GateInput &in = m_mapping.gates[static_cast<std::size_t>(gate)];
    GateWidgets &w = m_gates[static_cast<std::size_t>(gate)];
    {
        const QSignalBlocker blocker(w.action);
        w.action->setCurrentIndex(w.action->findData(static_cast<int>(in.action)));
    }
    setValueQuietly(w.threshold, in.threshold);
    setValueQuietly(w.hysteresis, in.hysteresis);
    const bool active = in.action != GateAction::None;
    w.threshold->setEnabled(active);
    w.hysteresis->setEnabled(active);
    w.button->setEnabled(active);
}

void MappingEditor::updateSlider(int input)
{
    const CvInput &cv = m_mapping.cv[static_cast<std::size_t>(input)];
    QSlider *slider = m_cv[static_cast<std::size_t>(input)].slider;
    m_sim->clampCv(input, cv.voltsLow, cv.voltsHigh);
    const double volts = m_sim->cv(input);
    const QSignalBlocker blocker(slider);
    slider->setRange(static_cast<int>(std::lround(cv.voltsLow * kSliderStepsPerVolt)),
                     static_cast<int>(std::lround(cv.voltsHigh * kSliderStepsPerVolt)));
    slider->setPageStep(kSliderStepsPerVolt);
    slider->setValue(static_cast<int>(std::lround(volts * kSliderStepsPerVolt)));
    slider->setEnabled(cv.target != CvTarget::None);
}

void MappingEditor::updateReadouts()
{
    for (int i = 0; i < Mapping::kCvCount; ++i) {
        QLabel *readout = m_cv[static_cast<std::size_t>(i)].readout;
        const double volts = m_sim->cv(i);
        if (!m_bank) {
            readout->clear();
            continue;
        }
        const auto [label, value] = m_sim->cvText(i);
        readout->setText(value.isEmpty() ? tr("%1 V").arg(volts, 0, 'f', kVoltsDecimals)
                                         : tr("%1 V → %2 %3").arg(volts, 0, 'f', kVoltsDecimals).arg(label, value));
    }
    for (int g = 0; g < Mapping::kGateCount; ++g) {
        m_gates[static_cast<std::size_t>(g)].state->setText(m_sim->gateHigh(g) ? tr("High") : tr("Low"));
    }
}

int MappingEditor::mergeIdFor(int input, Field field)
{
    if (input != m_gestureInput || field != m_gestureField || !m_gestureClock.isValid()
        || m_gestureClock.elapsed() > kGestureGap.count()) {
        m_gestureSerial = (m_gestureSerial + 1) % kGestureWrap;
        m_gestureInput = input;
        m_gestureField = field;
    }
    m_gestureClock.start();
    return (m_gestureSerial * kInputSlots + input) * FieldCount + field;
}

void MappingEditor::commit(const Mapping &next, int input, Field field, bool gesture)
{
    if (next == m_mapping)
        return;
    QString text;
    const int n = input < Mapping::kCvCount ? input + 1 : input - Mapping::kCvCount + 1;
    switch (field) {
    case Target:
        text = tr("Set CV %1 target").arg(n);
        break;
    case Descriptor:
        text = tr("Set CV %1 descriptor").arg(n);
        break;
    case VoltsLow:
    case VoltsHigh:
        text = tr("Set CV %1 input range").arg(n);
        break;
    case RangeLow:
    case RangeHigh:
        text = tr("Set CV %1 target range").arg(n);
        break;
    case Curve:
        text = tr("Set CV %1 response curve").arg(n);
        break;
    case Smoothing:
        text = tr("Set CV %1 smoothing").arg(n);
        break;
    case Action:
        text = tr("Set gate %1 action").arg(n);
        break;
    case Threshold:
        text = tr("Set gate %1 threshold").arg(n);
        break;
    case Hysteresis:
        text = tr("Set gate %1 hysteresis").arg(n);
        break;
    case FieldCount:
        break;
    }
    int mergeId = -1;
    if (gesture)
        mergeId = mergeIdFor(input, field);
    else
        m_gestureInput = -1; // the next spin starts a new gesture
    m_mapping = next;
    showMapping(); // enables, limits and units follow the new values at once
    Q_EMIT mappingEdited(next, text, mergeId);
}

void MappingEditor::editCv(int input, Field field, bool gesture)
{
    if (m_updating || !m_bank)
        return;
    Mapping next = m_mapping;
    CvInput &cv = next.cv[static_cast<std::size_t>(input)];
    const CvWidgets &w = m_cv[static_cast<std::size_t>(input)];
    switch (field) {
    case Target:
    case Descriptor: {
        const auto target = static_cast<CvTarget>(w.target->currentData().toInt());
        const auto id = static_cast<DescriptorId>(w.descriptor->currentData().toInt());
        if (target == cv.target && (id == cv.descriptor || !cvTargetHasDescriptor(target)))
            return;
        cv.target = target;
        cv.descriptor = id;
        // A range in another unit means nothing for the new target: start from a sensible one.
        std::tie(cv.rangeLow, cv.rangeHigh) = defaultRange(target, id);
        if (target == CvTarget::PitchVoct)
            cv.curve = ResponseCurve::Linear;
        break;
    }
    case VoltsLow:
        cv.voltsLow = std::min(w.voltsLow->value(), cv.voltsHigh - kMinVoltsSpan);
        break;
    case VoltsHigh:
        cv.voltsHigh = std::max(w.voltsHigh->value(), cv.voltsLow + kMinVoltsSpan);
        break;
    case RangeLow:
        cv.rangeLow = w.rangeLow->value();
        break;
    case RangeHigh:
        cv.rangeHigh = w.rangeHigh->value();
        break;
    case Curve:
        cv.curve = static_cast<ResponseCurve>(w.curve->currentData().toInt());
        break;
    case Smoothing:
        cv.smoothingMs = w.smoothing->value();
        break;
    default:
        return;
    }
    commit(next, input, field, gesture);
}

void MappingEditor::editGate(int gate, Field field, bool gesture)
{
    if (m_updating || !m_bank)
        return;
    Mapping next = m_mapping;
    GateInput &in = next.gates[static_cast<std::size_t>(gate)];
    const GateWidgets &w = m_gates[static_cast<std::size_t>(gate)];
    switch (field) {
    case Action:
        in.action = static_cast<GateAction>(w.action->currentData().toInt());
        break;
    case Threshold:
        in.threshold = w.threshold->value();
        break;
    case Hysteresis:
        in.hysteresis = w.hysteresis->value();
        break;
    default:
        return;
    }
    commit(next, Mapping::kCvCount + gate, field, gesture);
}

void MappingEditor::editName()
{
    if (m_updating || !m_bank)
        return;
    const QString name = m_name->text().trimmed();
    m_name->setModified(false);
    if (name.isEmpty() || name == m_mapping.name) {
        // A mapping needs a name: an emptied field gets the old one back.
        const QSignalBlocker blocker(m_name);
        m_name->setText(m_mapping.name);
        return;
    }
    Mapping next = m_mapping;
    next.name = name;
    m_gestureInput = -1;
    m_mapping = next;
    Q_EMIT mappingEdited(next, tr("Rename mapping"), -1);
}

void MappingEditor::loadFactory(int index)
{
    if (index <= 0)
        return;
    {
        // The combo is a menu of actions: it always shows its prompt again.
        const QSignalBlocker blocker(m_factory);
        m_factory->setCurrentIndex(0);
    }
    if (!m_bank)
        return;
    const Result<Mapping> factory = index == 1 ? Factory::originalMapping() : Factory::alternativeMapping();
    if (!factory) {
        // Cannot happen in a correct build (tst_shippedfiles loads both), but never crash.
        m_simulationNote->setText(tr("The factory mapping does not load: %1").arg(factory.errorString()));
        return;
    }
    if (*factory == m_mapping && factory->name == m_mapping.name && factory->id == m_mapping.id)
        return;
    m_gestureInput = -1;
    m_mapping = *factory;
    showMapping();
    Q_EMIT mappingEdited(*factory, tr("Load factory mapping “%1”").arg(factory->name), -1);
}

void MappingEditor::setSimulatedVolts(int input, double volts)
{
    if (input < 0 || input >= Mapping::kCvCount)
        return;
    const CvInput &cv = m_mapping.cv[static_cast<std::size_t>(input)];
    // Through the slider, so that it and everything that follows a move stay in step.
    QSlider *slider = m_cv[static_cast<std::size_t>(input)].slider;
    const int value = static_cast<int>(std::lround(std::clamp(volts, cv.voltsLow, cv.voltsHigh) * kSliderStepsPerVolt));
    if (value == slider->value())
        return;
    slider->setValue(value);
}

} // namespace neurorack::studio
