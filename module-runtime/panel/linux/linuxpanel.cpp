// SPDX-License-Identifier: GPL-3.0-or-later
#include "linuxpanel.h"

#include "ads1015.h"
#include "gpioline.h"
#include "i2cbus.h"
#include "linuxgpioline.h"
#include "linuxi2cbus.h"
#include "linuxspidevice.h"
#include "realtime.h"
#include "rgb565.h"
#include "rgbencoder.h"
#include "spidevice.h"
#include "st7789.h"
#include "voice/monotonicclock.h"

#include <QLoggingCategory>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>

namespace neurorack::runtime {

namespace {

Q_LOGGING_CATEGORY(lcPanel, "neurorack.panel")

/// Encoder and button polling period.
constexpr std::chrono::milliseconds kSlowPollPeriod{10};
/// After a bus error, the polling waits this long before trying again.
constexpr std::chrono::milliseconds kRetryDelay{1000};
/// Below the audio thread (AlsaSink) and above everything else: a gate edge is as urgent
/// as sound, but a late poll costs less than a late audio block.
constexpr int kPollPriority = 60;

using Clock = std::chrono::steady_clock;

/// One input in an ADC's round of conversions.
struct Slot {
    bool gate = false;
    int index = 0; ///< CV 0 … 3 or gate 0 … 1
    int channel = 0;
};

LinuxGpioInput::Bias toGpioBias(PanelConfig::Bias bias)
{
    switch (bias) {
    case PanelConfig::Bias::PullUp:
        return LinuxGpioInput::Bias::PullUp;
    case PanelConfig::Bias::PullDown:
        return LinuxGpioInput::Bias::PullDown;
    case PanelConfig::Bias::Disabled:
        return LinuxGpioInput::Bias::Disabled;
    case PanelConfig::Bias::AsIs:
        break;
    }
    return LinuxGpioInput::Bias::AsIs;
}

} // namespace

struct LinuxPanel::Impl {
    LinuxPanel *q = nullptr;
    PanelConfig config;
    DeviceOpener opener;

    LinuxPanelDevices devices;
    std::vector<std::unique_ptr<Ads1015>> adcs;
    std::vector<std::vector<Slot>> schedule; ///< per ADC, the inputs it converts in turn
    std::unique_ptr<RgbEncoder> encoder;
    std::unique_ptr<St7789> screen;
    bool buttonDown = false;

    std::thread pollThread;
    std::atomic<bool> polling{false};
    std::mutex stopMutex;
    std::condition_variable stopCondition;

    std::thread displayThread;
    std::mutex frameMutex;
    std::condition_variable frameCondition;
    QImage pendingFrame;
    bool hasPendingFrame = false;
    bool displayStopping = false;
    std::atomic<quint64> droppedFrames{0};
    std::atomic<quint64> shownFrames{0};

    bool running = false;

    /// Runs @p f on the panel's thread (where the signals must come from).
    template<typename F>
    void post(F &&f)
    {
        QMetaObject::invokeMethod(q, std::forward<F>(f), Qt::QueuedConnection);
    }

    void postFault(const QString &message)
    {
        qCWarning(lcPanel).noquote() << message;
        LinuxPanel *panel = q;
        post([panel, message] { Q_EMIT panel->fault(message); });
    }

    void buildSchedule();
    void pollLoop();
    void displayLoop();
    /// Waits @p d, or less when stop() is called; false when stopping.
    bool waitOrStop(std::chrono::nanoseconds d);
    Status pollSlow();
};

void LinuxPanel::Impl::buildSchedule()
{
    schedule.assign(adcs.size(), {});
    for (std::size_t a = 0; a < adcs.size(); ++a) {
        std::vector<Slot> gates, cvs;
        for (int i = 0; i < PanelConfig::kGateCount; ++i)
            if (config.gateInputs[std::size_t(i)].adcAddress == adcs[a]->address())
                gates.push_back({true, i, config.gateInputs[std::size_t(i)].channel});
        for (int i = 0; i < PanelConfig::kCvCount; ++i)
            if (config.cvInputs[std::size_t(i)].adcAddress == adcs[a]->address())
                cvs.push_back({false, i, config.cvInputs[std::size_t(i)].channel});
        // Every gate before each CV: gates are converted more often, since their edges
        // start sounds, while CVs only steer what is rendered next.
        auto &s = schedule[a];
        if (cvs.empty()) {
            s = gates;
        } else {
            for (const Slot &cv : cvs) {
                s.insert(s.end(), gates.begin(), gates.end());
                s.push_back(cv);
            }
        }
    }
}

bool LinuxPanel::Impl::waitOrStop(std::chrono::nanoseconds d)
{
    std::unique_lock lock(stopMutex);
    return !stopCondition.wait_for(lock, d, [this] { return !polling.load(); });
}

void LinuxPanel::Impl::pollLoop()
{
    constexpr double kNever = std::numeric_limits<double>::quiet_NaN();
    std::array<double, PanelConfig::kCvCount> lastCv;
    std::array<double, PanelConfig::kGateCount> lastGate;
    lastCv.fill(kNever);
    lastGate.fill(kNever);
    std::vector<std::size_t> position(adcs.size(), 0);
    std::vector<Clock::time_point> started(adcs.size());
    std::vector<bool> converting(adcs.size(), false);
    Clock::duration conversion = Clock::duration::zero();
    for (const auto &adc : adcs)
        conversion = std::max<Clock::duration>(conversion, adc->conversionTime());
    auto nextSlowPoll = Clock::now();
    QString lastFault;

    while (polling.load(std::memory_order_relaxed)) {
        QString error;
        // Pipelined: each ADC's result is read as soon as its conversion is done and the
        // next conversion starts right away, so both ADCs convert while the bus serves the other.
        for (std::size_t a = 0; a < adcs.size() && error.isEmpty(); ++a) {
            if (schedule[a].empty())
                continue;
            if (converting[a]) {
                std::this_thread::sleep_until(started[a] + conversion);
                const auto volts = adcs[a]->readVolts();
                converting[a] = false;
                if (!volts) {
                    error = volts.errorString();
                    break;
                }
                const std::int64_t now = monotonicNs();
                const Slot &slot = schedule[a][position[a]];
                position[a] = (position[a] + 1) % schedule[a].size();
                if (slot.gate) {
                    const std::size_t i = std::size_t(slot.index);
                    const double v = config.gateCalibration[i].apply(config.gateInputs[i].frontEnd.apply(*volts));
                    if (std::isnan(lastGate[i]) || std::abs(v - lastGate[i]) >= config.gateDeadbandVolts) {
                        lastGate[i] = v;
                        LinuxPanel *panel = q;
                        post([panel, input = slot.index, v, now] { Q_EMIT panel->gateChanged(input, v, now); });
                    }
                } else {
                    const std::size_t i = std::size_t(slot.index);
                    const double v = config.cvCalibration[i].apply(config.cvInputs[i].frontEnd.apply(*volts));
                    if (std::isnan(lastCv[i]) || std::abs(v - lastCv[i]) >= config.cvDeadbandVolts) {
                        lastCv[i] = v;
                        LinuxPanel *panel = q;
                        post([panel, input = slot.index, v] { Q_EMIT panel->cvChanged(input, v); });
                    }
                }
            }
            if (auto s = adcs[a]->startConversion(schedule[a][position[a]].channel); !s) {
                error = s.errorString();
                break;
            }
            started[a] = Clock::now();
            converting[a] = true;
        }
        if (error.isEmpty() && Clock::now() >= nextSlowPoll) {
            nextSlowPoll += kSlowPollPeriod;
            if (Clock::now() > nextSlowPoll) // fell behind (a retry): do not try to catch up
                nextSlowPoll = Clock::now() + kSlowPollPeriod;
            if (auto s = pollSlow(); !s)
                error = s.errorString();
        }
        if (!error.isEmpty()) {
            if (error != lastFault) {
                postFault(error);
                lastFault = error;
            }
            std::fill(converting.begin(), converting.end(), false);
            if (!waitOrStop(kRetryDelay))
                break;
            continue;
        }
        if (!lastFault.isEmpty()) {
            qCInfo(lcPanel) << "panel inputs answer again";
            lastFault.clear();
        }
        // With no ADC input at all (a test configuration), do not spin.
        if (std::none_of(converting.begin(), converting.end(), [](bool c) { return c; }))
            waitOrStop(kSlowPollPeriod);
    }
}

Status LinuxPanel::Impl::pollSlow()
{
    const auto steps = encoder->readSteps();
    if (!steps)
        return steps.errors();
    if (*steps != 0) {
        LinuxPanel *panel = q;
        post([panel, n = *steps] { Q_EMIT panel->encoderTurned(n); });
    }
    for (;;) {
        const auto edge = devices.button->nextEdge();
        if (!edge)
            return edge.errors();
        if (!edge->has_value())
            break;
        const bool down = (*edge)->active;
        if (down != buttonDown) { // the kernel may report a bounce the debounce let through twice
            buttonDown = down;
            LinuxPanel *panel = q;
            post([panel, down] { Q_EMIT panel->buttonChanged(down); });
        }
    }
    return done();
}

void LinuxPanel::Impl::displayLoop()
{
    std::vector<std::uint8_t> buffer(std::size_t(St7789::kFrameBytes));
    bool ready = false;
    QString lastFault;
    const auto report = [&](const Status &s) {
        if (s.ok()) {
            lastFault.clear();
            return;
        }
        if (s.errorString() != lastFault) {
            lastFault = s.errorString();
            postFault(lastFault);
        }
    };
    {
        const Status s = screen->init();
        ready = s.ok();
        report(s);
    }
    for (;;) {
        QImage frame;
        {
            std::unique_lock lock(frameMutex);
            frameCondition.wait(lock, [this] { return hasPendingFrame || displayStopping; });
            if (displayStopping)
                return;
            frame = std::move(pendingFrame);
            pendingFrame = QImage();
            hasPendingFrame = false;
        }
        if (!ready) { // a failed init or write: start the screen over before the next frame
            const Status s = screen->init();
            ready = s.ok();
            report(s);
            if (!ready)
                continue;
        }
        toRgb565BigEndian(frame, St7789::kWidth, St7789::kHeight, buffer);
        const Status s = screen->writeFrame(buffer);
        ready = s.ok();
        report(s);
        if (ready)
            shownFrames.fetch_add(1, std::memory_order_relaxed);
    }
}

LinuxPanel::LinuxPanel(const PanelConfig &config, QObject *parent)
    : LinuxPanel(config, &LinuxPanel::openDevices, parent)
{
}

LinuxPanel::LinuxPanel(const PanelConfig &config, DeviceOpener opener, QObject *parent)
    : Panel(parent)
    , d(std::make_unique<Impl>())
{
    d->q = this;
    d->config = config;
    d->opener = std::move(opener);
}

LinuxPanel::~LinuxPanel()
{
    stop();
}

Result<LinuxPanelDevices> LinuxPanel::openDevices(const PanelConfig &config)
{
    LinuxPanelDevices devices;
    auto bus = LinuxI2cBus::open(QStringLiteral("/dev/i2c-%1").arg(config.i2cBus));
    if (!bus)
        return bus.errors();
    devices.i2c = std::move(bus).value();
    auto spi = LinuxSpiDevice::open(config.spiDevice, config.spiMode, config.spiSpeedHz);
    if (!spi)
        return spi.errors();
    devices.spi = std::move(spi).value();
    auto dc = LinuxGpioOutput::request(config.gpioChip, config.dcLine, QStringLiteral("DC"), false);
    if (!dc)
        return dc.errors();
    devices.dc = std::move(dc).value();
    if (config.resetLine >= 0) {
        // High: out of reset until init() pulses it.
        auto reset = LinuxGpioOutput::request(config.gpioChip, config.resetLine, QStringLiteral("reset"), true);
        if (!reset)
            return reset.errors();
        devices.reset = std::move(reset).value();
    }
    if (config.backlightLine >= 0) {
        // Dark until the screen shows something: no flash of the controller's random RAM.
        auto backlight = LinuxGpioOutput::request(config.gpioChip, config.backlightLine, QStringLiteral("backlight"), false);
        if (!backlight)
            return backlight.errors();
        devices.backlight = std::move(backlight).value();
    }
    auto button = LinuxGpioInput::request(config.gpioChip, config.buttonLine, QStringLiteral("button"), config.buttonActiveLow,
                                          toGpioBias(config.buttonBias), config.buttonDebounceMs * 1000);
    if (!button)
        return button.errors();
    devices.button = std::move(button).value();
    return devices;
}

Status LinuxPanel::start()
{
    if (d->running)
        return done();
    auto devices = d->opener(d->config);
    if (!devices)
        return devices.errors();
    d->devices = std::move(devices).value();
    auto &dev = d->devices;
    if (!dev.i2c || !dev.spi || !dev.dc || !dev.button)
        return Status::failure(QString(), QStringLiteral("the panel's devices are incomplete"));

    const auto fail = [this](const FieldErrors &errors) {
        d->adcs.clear();
        d->encoder.reset();
        d->devices = {};
        return Status(errors);
    };
    d->adcs.clear();
    for (int i = 0; i < d->config.adcCount; ++i) {
        auto adc = std::make_unique<Ads1015>(*dev.i2c, d->config.adcAddresses[std::size_t(i)], d->config.adcFullScaleVolts,
                                             d->config.adcDataRate);
        if (auto s = adc->probe(); !s)
            return fail(s.errors());
        d->adcs.push_back(std::move(adc));
    }
    d->buildSchedule();

    d->encoder = std::make_unique<RgbEncoder>(*dev.i2c, d->config.encoderAddress, d->config.encoderCountsPerDetent,
                                              d->config.encoderReverse);
    if (auto s = d->encoder->start(); !s)
        return fail(s.errors());
    const auto &led = d->config.encoderLed;
    if (auto s = d->encoder->setLed(led[0], led[1], led[2]); !s)
        return fail(s.errors());
    const auto down = dev.button->value();
    if (!down)
        return fail(down.errors());
    d->buttonDown = *down;

    d->screen = std::make_unique<St7789>(*dev.spi, *dev.dc, dev.reset.get(), dev.backlight.get(),
                                         St7789::Options{d->config.screenRotation, d->config.screenXOffset, d->config.screenYOffset});
    d->polling = true;
    d->displayStopping = false;
    d->hasPendingFrame = false;
    d->pollThread = std::thread([this] { d->pollLoop(); });
    if (const int err = raiseToRealtime(d->pollThread, kPollPriority))
        qCInfo(lcPanel).noquote() << "panel polling runs at normal priority (SCHED_FIFO refused:" << systemErrorString(err) << ")";
    d->displayThread = std::thread([this] { d->displayLoop(); });
    d->running = true;
    qCInfo(lcPanel).noquote() << "linux panel started:" << dev.i2c->name() << "," << dev.spi->name() << "," << d->config.gpioChip;
    return done();
}

void LinuxPanel::stop()
{
    if (!d->running)
        return;
    {
        std::lock_guard lock(d->stopMutex);
        d->polling = false;
    }
    d->stopCondition.notify_all();
    d->pollThread.join();
    {
        std::lock_guard lock(d->frameMutex);
        d->displayStopping = true;
        d->pendingFrame = QImage();
        d->hasPendingFrame = false;
    }
    d->frameCondition.notify_all();
    d->displayThread.join();
    d->screen.reset();
    d->encoder.reset();
    d->adcs.clear();
    d->devices = {};
    d->running = false;
}

void LinuxPanel::showFrame(const QImage &frame)
{
    if (!d->running)
        return;
    {
        std::lock_guard lock(d->frameMutex);
        if (d->hasPendingFrame)
            d->droppedFrames.fetch_add(1, std::memory_order_relaxed);
        d->pendingFrame = frame; // implicitly shared: no pixel copy here
        d->hasPendingFrame = true;
    }
    d->frameCondition.notify_one();
}

quint64 LinuxPanel::droppedFrames() const
{
    return d->droppedFrames.load(std::memory_order_relaxed);
}

quint64 LinuxPanel::shownFrames() const
{
    return d->shownFrames.load(std::memory_order_relaxed);
}

} // namespace neurorack::runtime
