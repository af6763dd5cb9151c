// SPDX-License-Identifier: GPL-3.0-or-later
#include "virtualmodule.h"

#include "modulesimulation.h"
#include "panelframe.h"
#include "virtualcable.h"

#if NEURORACK_STUDIO_SCREEN_PAINTER
#include "screen/menu.h"
#include "screen/runtimeview.h"
#include "screen/screenpainter.h"
#endif

#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDial>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QPainter>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcVirtualModule, "neurorack.studio.virtualmodule")

namespace neurorack::studio {

namespace {

constexpr int kScreenSize = 240;
constexpr int kKnobSize = 64;
constexpr int kEncoderSize = 72;
constexpr int kLedSize = 12;
/// How often connecting to the runtime's socket is tried after it said "ready".
constexpr int kConnectAttempts = 20;
constexpr std::chrono::milliseconds kConnectRetry{100};
constexpr QRgb kScreenOff = 0xff0d1117;
constexpr QRgb kScreenText = 0xff8b98a5;
constexpr int kVoltsDecimals = 2;
/// Status keys of the runtime (docs/runtime.md, "The panel simulator").
const QLatin1String kStatusCv("cv");
const QLatin1String kStatusGates("gates");

QString ledStyle(bool on)
{
    return on ? QStringLiteral("background: #3fb950; border-radius: 6px; border: 1px solid #1a7f37;")
              : QStringLiteral("background: #30363d; border-radius: 6px; border: 1px solid #111;");
}

/// A dark screen with one line of text: before the first frame, or after a stop.
QImage blankScreen(const QString &text)
{
    QImage image(kScreenSize, kScreenSize, QImage::Format_RGB32);
    image.fill(kScreenOff);
    QPainter painter(&image);
    painter.setPen(QColor::fromRgb(kScreenText));
    painter.drawText(image.rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, text);
    return image;
}


} // namespace

/// What the in-process screen needs besides the bank: the menu's state, the volume set
/// from it and a notice to show.
struct VirtualModule::Screen {
#if NEURORACK_STUDIO_SCREEN_PAINTER
    runtime::Menu menu;
    runtime::ScreenPainter painter;

    runtime::RuntimeView view(const Bank *bank, const ModuleSimulation &sim) const
    {
        runtime::RuntimeView v;
        v.panelBackend = QStringLiteral("studio");
        v.version = QStringLiteral(NEURORACK_VERSION);
        // The context is named in full: from this nested struct, lupdate would file
        // VirtualModule::tr() under "VirtualModule", without the namespace.
        v.modelName = QCoreApplication::translate("neurorack::studio::VirtualModule", "Neurorack Studio's engine");
        v.audioOutput = QCoreApplication::translate("neurorack::studio::VirtualModule", "Neurorack Studio's preview");
        v.usbState = QCoreApplication::translate("neurorack::studio::VirtualModule", "not connected");
        v.volumeDb = volumeDb;
        v.notice = notice;
        if (!bank)
            return v;
        v.bankName = bank->name();
        v.bankId = bank->id();
        v.banks = QStringList{bank->name()};
        v.currentBank = bank->name();
        const int slot = sim.slot();
        v.presetSlot = bank->presetCount() ? slot : -1;
        if (const Preset *preset = bank->preset(slot))
            v.presetName = preset->name;
        for (int s : bank->filledSlots())
            v.presets.append({s, bank->preset(s)->name});
        const Mapping &mapping = bank->mapping();
        for (int i = 0; i < runtime::RuntimeView::kCvCount; ++i) {
            const auto [label, value] = sim.cvText(i);
            v.cv[static_cast<std::size_t>(i)] = runtime::CvView{sim.cv(i), label, value};
            v.calibration[static_cast<std::size_t>(i)].rawVolts = sim.cv(i);
            v.mappingLines << QStringLiteral("CV%1 %2").arg(i + 1).arg(label);
        }
        for (int g = 0; g < runtime::RuntimeView::kGateCount; ++g) {
            const GateAction action = mapping.gates[static_cast<std::size_t>(g)].action;
            v.gates[static_cast<std::size_t>(g)] = runtime::GateView{sim.gateHigh(g), MappingEvaluator::gateActionText(action)};
            v.calibration[static_cast<std::size_t>(g) + runtime::RuntimeView::kCvCount].rawVolts = sim.gateHigh(g) ? kGateHighVolts : 0.0;
            v.mappingLines << QStringLiteral("Gate %1 %2").arg(g + 1).arg(MappingEvaluator::gateActionText(action));
        }
        if (const auto pair = bank->morphPair()) {
            v.morphA = bank->preset(pair->a)->name;
            v.morphB = bank->preset(pair->b)->name;
        }
        v.morphAmount = sim.morphAmount();
        v.mappingId = mapping.id;
        v.mappingName = mapping.name;
        return v;
    }
#endif

    double volumeDb = -6.0;
    QString notice;
};

VirtualModule::VirtualModule(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_inProcess(std::make_unique<Screen>())
{
    setWindowTitle(tr("Virtual module"));
    setObjectName(QStringLiteral("virtualModule"));

    m_sim = new ModuleSimulation(this);
    connect(m_sim, &ModuleSimulation::auditionRequested, this, &VirtualModule::auditionRequested);
    connect(m_sim, &ModuleSimulation::cvCurvesChanged, this, &VirtualModule::cvCurvesChanged);
    connect(m_sim, &ModuleSimulation::slotRequested, this, &VirtualModule::slotRequested);
    connect(m_sim, &ModuleSimulation::message, this, [this](const QString &text) {
        m_inProcess->notice = text;
        repaintScreen();
    });
    connect(m_sim, &ModuleSimulation::changed, this, [this] {
        if (m_backend == Backend::InProcess) {
            updateReadouts();
            repaintScreen();
        }
    });

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardError, this, &VirtualModule::readStderr);
    connect(m_process, &QProcess::finished, this, &VirtualModule::runtimeFinished);
    connect(m_process, &QProcess::errorOccurred, this, &VirtualModule::runtimeFailed);
    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::readyRead, this, &VirtualModule::readReplies);
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_connected = true;
        m_startTimer->stop();
        setError(QString());
        // The runtime starts with every input at 0 V: tell it where the knobs are.
        for (int i = 0; i < Mapping::kCvCount; ++i)
            send(QJsonObject{{QStringLiteral("cv"), i + 1}, {QStringLiteral("volts"), cvVolts(i)}});
        m_poll->start();
        poll();
        updateControls();
        Q_EMIT runtimeConnectedChanged(true);
        if (m_cable->isOpen())
            Q_EMIT hostPortChanged(m_cable->hostPort());
    });
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        if (m_connected && !m_stopping)
            setError(tr("The connection to neurorack-runtime was lost.") + stderrTail());
    });
    m_cable = new VirtualCable(this);
    m_poll = new QTimer(this);
    m_poll->setInterval(kPollInterval);
    connect(m_poll, &QTimer::timeout, this, &VirtualModule::poll);
    m_startTimer = new QTimer(this);
    m_startTimer->setSingleShot(true);
    m_startTimer->setInterval(kStartTimeout);
    connect(m_startTimer, &QTimer::timeout, this, [this] {
        setError(tr("neurorack-runtime did not get ready within %1 s.").arg(kStartTimeout.count() / 1000) + stderrTail());
        stopRuntime();
    });
    m_longPressTimer = new QTimer(this);
    m_longPressTimer->setSingleShot(true);
    m_longPressTimer->setInterval(kLongPress);
    connect(m_longPressTimer, &QTimer::timeout, this, &VirtualModule::longPressed);

    // Top: the backend and its settings, in ordinary widgets.
    auto *bar = new QHBoxLayout;
    m_backendBox = new QComboBox;
    m_backendBox->setObjectName(QStringLiteral("backend"));
    m_backendBox->addItem(tr("In-process (Studio's engine)"));
    m_backendBox->addItem(tr("neurorack-runtime (sim)"));
    m_backendBox->setToolTip(tr("In-process plays through Studio's preview. neurorack-runtime runs the module's own "
                                "program on this computer, with a virtual USB cable the device panel can sync over."));
    connect(m_backendBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setBackend(index == 1 ? Backend::Runtime : Backend::InProcess); });
    m_audioBox = new QComboBox;
    m_audioBox->setObjectName(QStringLiteral("audio"));
    m_audioBox->addItem(tr("Silent"));
    m_audioBox->addItem(tr("Sound card (ALSA default)"));
    if (!soundCardAvailable()) {
        // Qt's convention for a disabled combo entry: its flags in role UserRole − 1.
        m_audioBox->setItemData(1, 0, Qt::UserRole - 1);
        m_audioBox->setItemData(1, tr("No ALSA playback device found on this computer"), Qt::ToolTipRole);
    }
    m_audioBox->setToolTip(tr("Where the runtime plays (takes effect at its next start)"));
    connect(m_audioBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_audio = index == 1 ? AudioOutput::SoundCard : AudioOutput::Silent; });
    m_startButton = new QPushButton(tr("Start"));
    m_startButton->setObjectName(QStringLiteral("startRuntime"));
    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (m_process->state() == QProcess::NotRunning)
            startRuntime();
        else
            stopRuntime();
    });
    bar->addWidget(m_backendBox, 1);
    bar->addWidget(m_audioBox);
    bar->addWidget(m_startButton);

    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(QStringLiteral("runtimeState"));
    m_cableLabel = new QLabel;
    m_cableLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #d1242f;"));
    m_errorLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_cableLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(createPanel(), 0, Qt::AlignHCenter);
    layout->addStretch(1);

    updateKnobRanges();
    updateControls();
    repaintScreen();
}

VirtualModule::~VirtualModule()
{
    // No callbacks into a half-destroyed window; SIGKILL needs no grace.
    m_process->disconnect(this);
    m_socket->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        // Its data is a temporary folder that goes with us: nothing to save gracefully.
        m_process->kill();
        m_process->waitForFinished(static_cast<int>(kStopGrace.count()));
    }
    // Whoever synced over the cable must not keep a port that is gone.
    if (m_connected && m_cable->isOpen())
        Q_EMIT hostPortChanged(QString());
}

QWidget *VirtualModule::createPanel()
{
    auto *panel = new PanelFrame;
    panel->setObjectName(QStringLiteral("panel"));
    auto *column = new QVBoxLayout(panel);
    column->setContentsMargins(panel->controlMargins());
    column->setSpacing(10);

    m_screenLabel = new QLabel;
    m_screenLabel->setObjectName(QStringLiteral("screen"));
    m_screenLabel->setFixedSize(kScreenSize + 8, kScreenSize + 8);
    m_screenLabel->setAlignment(Qt::AlignCenter);
    m_screenLabel->setStyleSheet(QStringLiteral("background: #000; border: 4px solid #111; border-radius: 3px;"));
    column->addWidget(m_screenLabel, 0, Qt::AlignHCenter);

    // The encoder and its push button, under the screen.
    auto *encoderRow = new QHBoxLayout;
    m_encoder = new QDial;
    m_encoder->setObjectName(QStringLiteral("encoder"));
    m_encoder->setWrapping(true);
    m_encoder->setRange(0, kEncoderDetents - 1);
    m_encoder->setNotchesVisible(true);
    m_encoder->setFixedSize(kEncoderSize, kEncoderSize);
    m_encoder->setToolTip(tr("Encoder: turn to step through presets (or the menu)"));
    connect(m_encoder, &QDial::valueChanged, this, &VirtualModule::encoderMoved);
    m_pushButton = new QPushButton(tr("PUSH"));
    m_pushButton->setObjectName(QStringLiteral("encoderButton"));
    m_pushButton->setToolTip(tr("The encoder's button: press for the menu, hold %1 s for Home")
                                 .arg(static_cast<double>(kLongPress.count()) / 1000.0));
    connect(m_pushButton, &QPushButton::pressed, this, [this] { setButton(true); });
    connect(m_pushButton, &QPushButton::released, this, [this] { setButton(false); });
    encoderRow->addStretch(1);
    encoderRow->addWidget(m_encoder);
    encoderRow->addWidget(m_pushButton);
    encoderRow->addStretch(1);
    column->addLayout(encoderRow);

    // CV 1–4 as knobs, two by two.
    auto *knobs = new QGridLayout;
    for (int i = 0; i < Mapping::kCvCount; ++i) {
        auto *cell = new QVBoxLayout;
        auto *name = new QLabel(tr("CV %1").arg(i + 1));
        name->setAlignment(Qt::AlignCenter);
        QDial *knob = new QDial;
        knob->setObjectName(QStringLiteral("cv%1Knob").arg(i + 1));
        knob->setNotchesVisible(true);
        knob->setFixedSize(kKnobSize, kKnobSize);
        knob->setToolTip(tr("The voltage at CV %1").arg(i + 1));
        connect(knob, &QDial::valueChanged, this, [this, i](int value) { knobMoved(i, value); });
        auto *readout = new QLabel;
        readout->setObjectName(QStringLiteral("cv%1Readout").arg(i + 1));
        readout->setAlignment(Qt::AlignCenter);
        readout->setProperty("dim", true);
        readout->setMinimumWidth(kScreenSize / 2 - 10);
        cell->addWidget(name);
        cell->addWidget(knob, 0, Qt::AlignHCenter);
        cell->addWidget(readout);
        knobs->addLayout(cell, i / 2, i % 2);
        m_knobs[static_cast<std::size_t>(i)] = knob;
        m_readouts[static_cast<std::size_t>(i)] = readout;
    }
    column->addLayout(knobs);

    // Gate 1–2: press and hold, with a light.
    auto *gates = new QHBoxLayout;
    for (int g = 0; g < Mapping::kGateCount; ++g) {
        auto *button = new QPushButton(tr("GATE %1").arg(g + 1));
        button->setObjectName(QStringLiteral("gate%1Button").arg(g + 1));
        button->setToolTip(tr("Puts %1 V on gate %2 while held down").arg(kGateHighVolts).arg(g + 1));
        connect(button, &QPushButton::pressed, this, [this, g] { setGate(g, true); });
        connect(button, &QPushButton::released, this, [this, g] { setGate(g, false); });
        auto *led = new QLabel;
        led->setFixedSize(kLedSize, kLedSize);
        led->setStyleSheet(ledStyle(false));
        gates->addWidget(led);
        gates->addWidget(button, 1);
        m_gateButtons[static_cast<std::size_t>(g)] = button;
        m_gateLeds[static_cast<std::size_t>(g)] = led;
    }
    column->addLayout(gates);
    return panel;
}

void VirtualModule::setBank(const Bank *bank, int slot)
{
    m_bank = bank;
    {
        // Quiet: this is the main window telling us, not the user acting.
        const QSignalBlocker blocker(m_sim);
        m_sim->setBank(bank, slot);
    }
    updateKnobRanges();
    updateReadouts();
    updateControls();
    if (m_backend == Backend::InProcess)
        repaintScreen();
}

bool VirtualModule::soundCardAvailable()
{
    return !QDir(QStringLiteral("/dev/snd")).entryList({QStringLiteral("pcmC*p")}, QDir::System).isEmpty();
}

QString VirtualModule::runtimeProgram()
{
    const QString fromEnvironment = qEnvironmentVariable("NEURORACK_RUNTIME");
    if (!fromEnvironment.isEmpty() && QFileInfo(fromEnvironment).isExecutable())
        return QFileInfo(fromEnvironment).absoluteFilePath();
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/../module-runtime/neurorack-runtime");
    if (QFileInfo(beside).isExecutable())
        return QFileInfo(beside).canonicalFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("neurorack-runtime"));
}

void VirtualModule::setBackend(Backend backend)
{
    if (backend != m_backend) {
        m_backend = backend;
        const QSignalBlocker blocker(m_backendBox);
        m_backendBox->setCurrentIndex(backend == Backend::Runtime ? 1 : 0);
    }
    if (backend == Backend::Runtime) {
        if (m_process->state() == QProcess::NotRunning)
            startRuntime();
    } else {
        stopRuntime();
        setError(QString());
        repaintScreen();
    }
    updateReadouts();
    updateControls();
}

void VirtualModule::setAudioOutput(AudioOutput output)
{
    m_audio = output;
    const QSignalBlocker blocker(m_audioBox);
    m_audioBox->setCurrentIndex(output == AudioOutput::SoundCard ? 1 : 0);
}

QString VirtualModule::hostPort() const
{
    return m_connected ? m_cable->hostPort() : QString();
}

void VirtualModule::setError(const QString &message)
{
    if (message == m_error)
        return;
    m_error = message;
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        qCWarning(lcVirtualModule).noquote() << message;
    Q_EMIT errorChanged(message);
}

double VirtualModule::cvVolts(int input) const
{
    if (input < 0 || input >= Mapping::kCvCount)
        return 0.0;
    return static_cast<double>(m_knobs[static_cast<std::size_t>(input)]->value()) / kKnobStepsPerVolt;
}

void VirtualModule::setCvVolts(int input, double volts)
{
    if (input < 0 || input >= Mapping::kCvCount)
        return;
    m_knobs[static_cast<std::size_t>(input)]->setValue(static_cast<int>(std::lround(volts * kKnobStepsPerVolt)));
}

void VirtualModule::updateKnobRanges()
{
    for (int i = 0; i < Mapping::kCvCount; ++i) {
        double low = -kDefaultKnobVolts;
        double high = kDefaultKnobVolts;
        if (m_bank) {
            const CvInput &cv = m_bank->mapping().cv[static_cast<std::size_t>(i)];
            if (cv.target != CvTarget::None) {
                low = cv.voltsLow;
                high = cv.voltsHigh;
            }
        }
        QDial *knob = m_knobs[static_cast<std::size_t>(i)];
        const QSignalBlocker blocker(knob);
        knob->setRange(static_cast<int>(std::lround(low * kKnobStepsPerVolt)), static_cast<int>(std::lround(high * kKnobStepsPerVolt)));
        knob->setPageStep(kKnobStepsPerVolt);
        knob->setSingleStep(kKnobStepsPerVolt / 10);
        m_sim->clampCv(i, low, high);
        // A knob starts where the simulation is; a narrower range moves both into it.
        knob->setValue(static_cast<int>(std::lround(std::clamp(cvVolts(i), low, high) * kKnobStepsPerVolt)));
    }
}

void VirtualModule::knobMoved(int input, int value)
{
    const double volts = static_cast<double>(value) / kKnobStepsPerVolt;
    if (m_backend == Backend::InProcess) {
        m_sim->setCv(input, volts);
    } else {
        send(QJsonObject{{QStringLiteral("cv"), input + 1}, {QStringLiteral("volts"), volts}});
        updateReadouts();
    }
}

void VirtualModule::setGate(int gate, bool pressed)
{
    if (gate < 0 || gate >= Mapping::kGateCount || m_gateDown[static_cast<std::size_t>(gate)] == pressed)
        return;
    m_gateDown[static_cast<std::size_t>(gate)] = pressed;
    if (m_backend == Backend::InProcess) {
        m_sim->setGate(gate, pressed ? kGateHighVolts : 0.0);
    } else {
        send(QJsonObject{{QStringLiteral("gate"), gate + 1}, {QStringLiteral("high"), pressed}});
        // The light follows the runtime's status; until it comes, the button's state.
        m_gateLeds[static_cast<std::size_t>(gate)]->setStyleSheet(ledStyle(pressed));
    }
}

void VirtualModule::encoderMoved(int value)
{
    int steps = value - m_encoderPosition;
    // The dial wraps: the short way round is the turn.
    if (steps > kEncoderDetents / 2)
        steps -= kEncoderDetents;
    else if (steps < -kEncoderDetents / 2)
        steps += kEncoderDetents;
    m_encoderPosition = value;
    if (steps == 0)
        return;
    if (m_backend == Backend::InProcess)
        menuAction(steps, false, false);
    else
        send(QJsonObject{{QStringLiteral("encoder"), steps}});
}

void VirtualModule::turnEncoder(int steps)
{
    if (steps == 0)
        return;
    {
        const QSignalBlocker blocker(m_encoder);
        m_encoderPosition = ((m_encoderPosition + steps) % kEncoderDetents + kEncoderDetents) % kEncoderDetents;
        m_encoder->setValue(m_encoderPosition);
    }
    if (m_backend == Backend::InProcess)
        menuAction(steps, false, false);
    else
        send(QJsonObject{{QStringLiteral("encoder"), steps}});
}

void VirtualModule::setButton(bool down)
{
    if (down == m_buttonDown)
        return;
    m_buttonDown = down;
    if (m_backend == Backend::Runtime) {
        // The runtime tells a press from a long press itself.
        send(QJsonObject{{QStringLiteral("button"), down ? QStringLiteral("down") : QStringLiteral("up")}});
        return;
    }
    if (down) {
        m_longPressDone = false;
        m_longPressTimer->start();
        return;
    }
    m_longPressTimer->stop();
    if (!m_longPressDone)
        menuAction(0, true, false);
}

void VirtualModule::longPressed()
{
    if (!m_buttonDown || m_backend != Backend::InProcess)
        return;
    m_longPressDone = true;
    menuAction(0, false, true);
}

void VirtualModule::menuAction(int steps, bool press, bool longPress)
{
#if NEURORACK_STUDIO_SCREEN_PAINTER
    const runtime::RuntimeView view = m_inProcess->view(m_bank, *m_sim);
    runtime::Menu &menu = m_inProcess->menu;
    std::optional<runtime::MenuAction> action;
    if (steps != 0)
        action = menu.turn(steps, view);
    else if (press)
        action = menu.press(view);
    else if (longPress)
        action = menu.longPress(view);
    if (action) {
        using Kind = runtime::MenuAction::Kind;
        switch (action->kind) {
        case Kind::SelectPreset:
            if (m_bank) {
                {
                    const QSignalBlocker blocker(m_sim);
                    m_sim->setBank(m_bank, action->slot);
                }
                Q_EMIT slotRequested(action->slot);
            }
            break;
        case Kind::SetVolume:
            m_inProcess->volumeDb = action->value;
            break;
        case Kind::DismissNotice:
            m_inProcess->notice.clear();
            break;
        case Kind::SetMapping:
            m_inProcess->notice = tr("Load factory mappings in the mapping editor");
            break;
        case Kind::LoadBank:
        case Kind::LoadModel:
        case Kind::SetCalibration:
            m_inProcess->notice = tr("Not in-process: use Studio's menus, or the runtime backend");
            break;
        }
    }
#else
    // Without the runtime's menu: turning steps through the presets, as on Home.
    Q_UNUSED(press)
    Q_UNUSED(longPress)
    if (steps != 0 && m_bank) {
        const auto filled = m_bank->filledSlots();
        if (!filled.isEmpty()) {
            const auto n = static_cast<int>(filled.size());
            const int at = std::max<int>(0, static_cast<int>(filled.indexOf(m_sim->slot())));
            const int slot = filled[((at + steps) % n + n) % n];
            {
                const QSignalBlocker blocker(m_sim);
                m_sim->setBank(m_bank, slot);
            }
            Q_EMIT slotRequested(slot);
        }
    }
#endif
    updateReadouts();
    repaintScreen();
}

void VirtualModule::repaintScreen()
{
    if (m_backend != Backend::InProcess)
        return;
#if NEURORACK_STUDIO_SCREEN_PAINTER
    m_screen = m_inProcess->painter.paint(m_inProcess->view(m_bank, *m_sim), m_inProcess->menu);
#else
    // A plain home page: bank, preset, the CVs and the gates.
    m_screen = blankScreen(QString());
    QPainter painter(&m_screen);
    painter.setPen(Qt::white);
    QStringList lines;
    if (m_bank) {
        const Preset *preset = m_bank->preset(m_sim->slot());
        lines << m_bank->name() << (preset ? QStringLiteral("%1 %2").arg(m_sim->slot() + 1).arg(preset->name) : tr("(empty)"));
        for (int i = 0; i < Mapping::kCvCount; ++i) {
            const auto [label, value] = m_sim->cvText(i);
            lines << QStringLiteral("CV%1 %2 V %3 %4").arg(i + 1).arg(m_sim->cv(i), 0, 'f', 1).arg(label, value);
        }
        lines << tr("Gate 1 %1   Gate 2 %2").arg(m_sim->gateHigh(0) ? tr("high") : tr("low"), m_sim->gateHigh(1) ? tr("high") : tr("low"));
    }
    if (!m_inProcess->notice.isEmpty())
        lines << m_inProcess->notice;
    painter.drawText(m_screen.rect().adjusted(8, 8, -8, -8), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, lines.join(u'\n'));
    painter.end();
#endif
    m_screenLabel->setPixmap(QPixmap::fromImage(m_screen));
    Q_EMIT screenChanged(m_screen);
}

QString VirtualModule::cvReadout(int input) const
{
    if (input < 0 || input >= Mapping::kCvCount)
        return {};
    return m_readouts[static_cast<std::size_t>(input)]->text();
}

void VirtualModule::updateReadouts()
{
    const QJsonArray cvs = m_status.value(kStatusCv).toArray();
    const QJsonArray gates = m_status.value(kStatusGates).toArray();
    for (int i = 0; i < Mapping::kCvCount; ++i) {
        const QString volts = tr("%1 V").arg(cvVolts(i), 0, 'f', kVoltsDecimals);
        QString drives;
        if (m_backend == Backend::InProcess) {
            const auto [label, value] = m_sim->cvText(i);
            drives = QStringLiteral("%1 %2").arg(label, value).trimmed();
        } else if (i < cvs.size()) {
            const QJsonObject cv = cvs.at(i).toObject();
            drives = QStringLiteral("%1 %2").arg(cv.value(QStringLiteral("drives")).toString(), cv.value(QStringLiteral("value")).toString()).trimmed();
        }
        m_readouts[static_cast<std::size_t>(i)]->setText(drives.isEmpty() ? volts : volts + u'\n' + drives);
    }
    for (int g = 0; g < Mapping::kGateCount; ++g) {
        bool high = false;
        if (m_backend == Backend::InProcess)
            high = m_sim->gateHigh(g);
        else
            high = g < gates.size() ? gates.at(g).toBool() : m_gateDown[static_cast<std::size_t>(g)];
        m_gateLeds[static_cast<std::size_t>(g)]->setStyleSheet(ledStyle(high));
    }
}

void VirtualModule::updateControls()
{
    const bool runtime = m_backend == Backend::Runtime;
    const bool running = m_process->state() != QProcess::NotRunning;
    m_audioBox->setEnabled(runtime);
    m_startButton->setEnabled(runtime);
    m_startButton->setText(running ? tr("Stop") : tr("Start"));
    if (!runtime) {
        m_stateLabel->setText(m_bank ? tr("Playing through Studio's preview") : tr("No bank"));
        m_cableLabel->clear();
    } else if (m_connected) {
        m_stateLabel->setText(tr("neurorack-runtime running (pid %1)").arg(m_process->processId()));
        m_cableLabel->setText(m_cable->isOpen() ? tr("USB cable for the device panel: %1").arg(m_cable->hostPort())
                                                : tr("No USB cable: the device panel cannot sync with this runtime"));
    } else {
        m_stateLabel->setText(running ? tr("Starting neurorack-runtime…") : tr("neurorack-runtime not running"));
        m_cableLabel->clear();
    }
}

// --- the runtime backend -----------------------------------------------------------

void VirtualModule::startRuntime()
{
    if (m_process->state() != QProcess::NotRunning)
        return;
    const QString program = runtimeProgram();
    if (program.isEmpty()) {
        setError(tr("neurorack-runtime was not found. Set NEURORACK_RUNTIME to its path, or install it beside "
                    "Neurorack Studio (../module-runtime/neurorack-runtime) or on the PATH."));
        return;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/neurorack-module-XXXXXX"));
    if (!m_dir->isValid()) {
        setError(tr("Cannot create a folder for the runtime's data: %1").arg(m_dir->errorString()));
        m_dir.reset();
        return;
    }
    setError(QString());
    QStringList arguments{QStringLiteral("--panel"),      QStringLiteral("sim"),
                          QStringLiteral("--data"),       m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("--sim-socket"), m_dir->filePath(QStringLiteral("panel.sock")),
                          QStringLiteral("--audio"),      m_audio == AudioOutput::SoundCard ? QStringLiteral("alsa:default") : QStringLiteral("null")};
    if (m_cable->open())
        arguments << QStringLiteral("--serial") << m_cable->modulePort();
    else
        setError(m_cable->errorString() + u'\n' + tr("The runtime runs without a USB cable."));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The runtime paints its screen offscreen, whatever platform Studio runs on.
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_process->setProcessEnvironment(environment);
    m_stderr.clear();
    m_status = {};
    m_stopping = false;
    m_screen = blankScreen(tr("Starting neurorack-runtime…"));
    m_screenLabel->setPixmap(QPixmap::fromImage(m_screen));
    qCInfo(lcVirtualModule).noquote() << "starting" << program << arguments.join(u' ');
    m_process->start(program, arguments);
    m_startTimer->start();
    updateControls();
}

void VirtualModule::stopRuntime()
{
    if (m_process->state() == QProcess::NotRunning) {
        cleanUpRuntime();
        return;
    }
    m_stopping = true;
    m_poll->stop();
    m_socket->abort();
    m_process->terminate();
    QTimer::singleShot(kStopGrace, m_process, [process = m_process] {
        if (process->state() != QProcess::NotRunning)
            process->kill();
    });
}

void VirtualModule::readStderr()
{
    m_stderr += m_process->readAllStandardError();
    if (m_socket->state() == QLocalSocket::UnconnectedState && !m_connected && !m_stopping && m_stderr.contains("ready:"))
        connectSocket();
    if (m_stderr.size() > kStderrKeep)
        m_stderr = m_stderr.right(kStderrKeep);
}

QString VirtualModule::stderrTail() const
{
    QList<QByteArray> lines = m_stderr.trimmed().split('\n');
    if (lines.size() > kStderrLines)
        lines = lines.mid(lines.size() - kStderrLines);
    const QString tail = QString::fromLocal8Bit(lines.join('\n')).trimmed();
    return tail.isEmpty() ? QString() : u'\n' + tr("Its last messages:") + u'\n' + tail;
}

void VirtualModule::connectSocket()
{
    if (!m_dir)
        return;
    m_socket->connectToServer(m_dir->filePath(QStringLiteral("panel.sock")));
    // The socket is there before "ready"; a short retry covers a slow file system.
    auto attempts = std::make_shared<int>(0);
    auto retry = std::make_shared<QMetaObject::Connection>();
    *retry = connect(m_socket, &QLocalSocket::errorOccurred, this, [this, attempts, retry](QLocalSocket::LocalSocketError) {
        if (m_connected || m_stopping || m_process->state() == QProcess::NotRunning || ++*attempts >= kConnectAttempts) {
            disconnect(*retry);
            if (!m_connected && !m_stopping && m_process->state() != QProcess::NotRunning)
                setError(tr("Cannot connect to neurorack-runtime's panel socket: %1").arg(m_socket->errorString()));
            return;
        }
        QTimer::singleShot(kConnectRetry, this, [this] {
            if (!m_connected && m_dir && m_socket->state() == QLocalSocket::UnconnectedState)
                m_socket->connectToServer(m_dir->filePath(QStringLiteral("panel.sock")));
        });
    });
    connect(m_socket, &QLocalSocket::connected, this, [retry] { QObject::disconnect(*retry); }, Qt::SingleShotConnection);
}

void VirtualModule::send(const QJsonObject &request, Reply reply)
{
    if (!m_connected || m_socket->state() != QLocalSocket::ConnectedState)
        return;
    m_socket->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    m_expected.append(reply);
}

void VirtualModule::poll()
{
    // One screen and one status at a time: a slow runtime never builds a queue.
    if (m_expected.contains(Reply::Screen) || m_expected.contains(Reply::Status) || !m_dir)
        return;
    send(QJsonObject{{QStringLiteral("screen"), m_dir->filePath(QStringLiteral("screen.png"))}}, Reply::Screen);
    send(QJsonObject{{QStringLiteral("status"), true}}, Reply::Status);
}

void VirtualModule::readReplies()
{
    while (m_socket->canReadLine()) {
        const QByteArray line = m_socket->readLine().trimmed();
        if (line.isEmpty())
            continue;
        const Reply kind = m_expected.isEmpty() ? Reply::Command : m_expected.takeFirst();
        const QJsonObject reply = QJsonDocument::fromJson(line).object();
        if (!reply.value(QStringLiteral("ok")).toBool()) {
            setError(tr("neurorack-runtime refused a request: %1").arg(reply.value(QStringLiteral("error")).toString()));
            continue;
        }
        switch (kind) {
        case Reply::Screen: {
            QImage image(reply.value(QStringLiteral("path")).toString());
            if (image.isNull())
                break;
            image = image.convertToFormat(QImage::Format_RGB32);
            if (image != m_screen) {
                m_screen = image;
                m_screenLabel->setPixmap(QPixmap::fromImage(m_screen));
                Q_EMIT screenChanged(m_screen);
            }
            break;
        }
        case Reply::Status:
            m_status = reply;
            updateReadouts();
            Q_EMIT runtimeStatusChanged(m_status);
            break;
        case Reply::Command:
            break;
        }
    }
}

void VirtualModule::runtimeFinished(int exitCode, QProcess::ExitStatus status)
{
    readStderr();
    const bool expected = m_stopping;
    cleanUpRuntime();
    if (!expected) {
        setError((status == QProcess::CrashExit ? tr("neurorack-runtime crashed.")
                                                : tr("neurorack-runtime stopped (exit code %1).").arg(exitCode))
                 + stderrTail());
    }
}

void VirtualModule::runtimeFailed(QProcess::ProcessError error)
{
    // A crash also ends in finished(); only a program that never started ends here.
    if (error != QProcess::FailedToStart)
        return;
    setError(tr("Cannot start %1: %2").arg(m_process->program(), m_process->errorString()));
    cleanUpRuntime();
}

void VirtualModule::cleanUpRuntime()
{
    m_poll->stop();
    m_startTimer->stop();
    m_socket->abort();
    m_expected.clear();
    const bool wasConnected = m_connected;
    m_connected = false;
    m_stopping = false;
    const bool hadCable = m_cable->isOpen();
    m_cable->close();
    m_dir.reset();
    m_status = {};
    if (m_backend == Backend::Runtime) {
        m_screen = blankScreen(tr("neurorack-runtime is not running"));
        m_screenLabel->setPixmap(QPixmap::fromImage(m_screen));
    }
    updateReadouts();
    updateControls();
    if (wasConnected && hadCable)
        Q_EMIT hostPortChanged(QString());
    if (wasConnected)
        Q_EMIT runtimeConnectedChanged(false);
}

void VirtualModule::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_backend == Backend::Runtime && m_process->state() == QProcess::NotRunning && m_error.isEmpty())
        startRuntime();
}

void VirtualModule::closeEvent(QCloseEvent *event)
{
    stopRuntime();
    event->accept();
}

} // namespace neurorack::studio
