// SPDX-License-Identifier: GPL-3.0-or-later
// LinuxPanel end to end on fake devices: start() refuses clearly when a device does not
// answer, the polling thread reports CVs, gates (with steady-clock times), the encoder
// and the button on the panel's thread, bus errors become fault() signals, and frames
// reach the screen without blocking the caller.
#include "fakepaneldevices.h"
#include "panel/linux/linuxpanel.h"
#include "panel/linux/rgbencoder.h"
#include "panel/linux/st7789.h"
#include "voice/monotonicclock.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace neurorack;
using namespace neurorack::runtime;
using namespace neurorack::runtime::test;

namespace {

constexpr int kTimeoutMs = 5000;

/// The fake hardware and an opener that hands it to the panel.
struct Hardware {
    std::shared_ptr<FakeI2cState> i2c = std::make_shared<FakeI2cState>();
    std::shared_ptr<EventLog> log = std::make_shared<EventLog>();
    std::shared_ptr<FakeGpioInput::State> button = std::make_shared<FakeGpioInput::State>();
    FakeSpiDevice *spi = nullptr; // owned by the panel once opened

    Hardware()
    {
        for (int ch = 0; ch < 4; ++ch)
            i2c->setAdcCode(0x48, ch, 0);
        i2c->setAdcCode(0x49, 0, 0);
        i2c->setAdcCode(0x49, 1, 0);
        i2c->setRegister(0x0F, 0xFA, 0x6A);
        i2c->setRegister(0x0F, 0xFB, 0xE2);
    }

    LinuxPanel::DeviceOpener opener()
    {
        return [this](const PanelConfig &) -> Result<LinuxPanelDevices> {
            LinuxPanelDevices d;
            d.i2c = std::make_unique<FakeI2cBus>(i2c);
            auto dc = std::make_unique<FakeGpioOutput>(log, QStringLiteral("DC"));
            auto spiDevice = std::make_unique<FakeSpiDevice>(log, dc.get());
            spi = spiDevice.get();
            d.spi = std::move(spiDevice);
            d.dc = std::move(dc);
            d.reset = std::make_unique<FakeGpioOutput>(log, QStringLiteral("reset"));
            d.backlight = std::make_unique<FakeGpioOutput>(log, QStringLiteral("backlight"));
            d.button = std::make_unique<FakeGpioInput>(button);
            return d;
        };
    }
};

/// The ADC code that reads as @p volts at the pin on the ±4.096 V range.
int codeFor(double adcVolts)
{
    return int(std::lround(adcVolts / 4.096 * 2048));
}

/// Waits until @p spy has a call for @p input whose value is near @p volts.
bool waitForValue(QSignalSpy &spy, int input, double volts, double tolerance = 0.02)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kTimeoutMs) {
        for (const auto &call : std::as_const(spy))
            if (call.at(0).toInt() == input && std::abs(call.at(1).toDouble() - volts) < tolerance)
                return true;
        spy.wait(50);
    }
    return false;
}

} // namespace

class tst_LinuxPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startRefusesAMissingAdc()
    {
        Hardware hw;
        hw.i2c->setFailing(0x49, EREMOTEIO);
        LinuxPanel panel(PanelConfig::defaults(), hw.opener());
        QCOMPARE(panel.start().errorString(), QStringLiteral("/dev/i2c-fake: ADC at 0x49 does not answer: Remote I/O error"));
        panel.stop(); // harmless after a failed start
    }

    void startRefusesAMissingEncoder()
    {
        Hardware hw;
        hw.i2c->setFailing(0x0F, ENXIO);
        LinuxPanel panel(PanelConfig::defaults(), hw.opener());
        QCOMPARE(panel.start().errorString(), QStringLiteral("/dev/i2c-fake: encoder at 0x0f does not answer: No such device or address"));
    }

    void startReportsTheOpenerError()
    {
        LinuxPanel panel(PanelConfig::defaults(), [](const PanelConfig &) -> Result<LinuxPanelDevices> {
            return Result<LinuxPanelDevices>::failure(QString(), QStringLiteral("/dev/spidev0.0: cannot be opened: No such file or directory"));
        });
        QCOMPARE(panel.start().errorString(), QStringLiteral("/dev/spidev0.0: cannot be opened: No such file or directory"));
    }

    void inputsAreReported()
    {
        Hardware hw;
        // CV1 at +5 V (1.025 V at the ADC), CV4 at −2 V (1.9 V), gate 2 high at 5 V (1.25 V).
        hw.i2c->setAdcCode(0x48, 0, codeFor(1.025));
        hw.i2c->setAdcCode(0x48, 3, codeFor(1.9));
        hw.i2c->setAdcCode(0x49, 1, codeFor(1.25));
        PanelConfig config = PanelConfig::defaults();
        config.cvCalibration[1] = {1.0, 0.5}; // a trimmed CV2: 0 V at the jack reads 0.5 V
        LinuxPanel panel(config, hw.opener());
        QSignalSpy cv(&panel, &Panel::cvChanged);
        QSignalSpy gate(&panel, &Panel::gateChanged);
        QSignalSpy faults(&panel, &Panel::fault);
        const Status s = panel.start();
        QVERIFY2(s, qPrintable(s.errorString()));

        QVERIFY(waitForValue(cv, 0, 5.0));
        QVERIFY(waitForValue(cv, 1, 13.2 + 0.5)); // code 0: the ADC at ground is +13.2 V at the jack
        QVERIFY(waitForValue(cv, 3, -2.0));
        QVERIFY(waitForValue(gate, 1, 5.0));

        // A gate edge: reported with the steady-clock time of the reading, on this thread.
        gate.clear();
        const qint64 before = monotonicNs();
        hw.i2c->setAdcCode(0x49, 0, codeFor(2.5));
        QVERIFY(waitForValue(gate, 0, 10.0));
        const qint64 after = monotonicNs();
        const auto edge = std::find_if(gate.begin(), gate.end(), [](const QList<QVariant> &c) { return c.at(0).toInt() == 0; });
        QVERIFY(edge != gate.end());
        const qint64 at = edge->at(2).toLongLong();
        QVERIFY2(at >= before && at <= after, "the gate's time is not on the steady clock");
        // Readings within the deadband are not reported again.
        gate.clear();
        hw.i2c->setAdcCode(0x49, 0, codeFor(2.5) + 1); // 2 mV at the ADC, 8 mV at the jack < 50 mV
        QTest::qWait(100);
        for (const auto &call : std::as_const(gate))
            QVERIFY(call.at(0).toInt() != 0);
        QVERIFY(faults.isEmpty());
        panel.stop();
    }

    void encoderAndButton()
    {
        Hardware hw;
        LinuxPanel panel(PanelConfig::defaults(), hw.opener());
        QSignalSpy turned(&panel, &Panel::encoderTurned);
        QSignalSpy button(&panel, &Panel::buttonChanged);
        QVERIFY(panel.start());
        hw.i2c->setRegister(0x0F, RgbEncoder::kRegEnc1Count, 253); // three detents anticlockwise
        QVERIFY(turned.wait(kTimeoutMs));
        QCOMPARE(turned.takeFirst().at(0).toInt(), -3);
        hw.button->press(true, monotonicNs());
        QVERIFY(button.wait(kTimeoutMs));
        QCOMPARE(button.takeFirst().at(0).toBool(), true);
        hw.button->press(false, monotonicNs());
        QVERIFY(button.wait(kTimeoutMs));
        QCOMPARE(button.takeFirst().at(0).toBool(), false);
        panel.stop();
    }

    void busErrorsBecomeFaults()
    {
        Hardware hw;
        LinuxPanel panel(PanelConfig::defaults(), hw.opener());
        QSignalSpy faults(&panel, &Panel::fault);
        QVERIFY(panel.start());
        QTest::qWait(50);
        hw.i2c->setFailing(0x48, EIO);
        QVERIFY(faults.wait(kTimeoutMs));
        QCOMPARE(faults.takeFirst().at(0).toString(), QStringLiteral("/dev/i2c-fake: ADC at 0x48: Input/output error"));
        // The same problem is reported once, not at every retry.
        QTest::qWait(1500);
        QVERIFY(faults.isEmpty());
        panel.stop(); // returns although the poller is waiting to retry
    }

    void framesReachTheScreen()
    {
        Hardware hw;
        LinuxPanel panel(PanelConfig::defaults(), hw.opener());
        QVERIFY(panel.start());
        QImage frame(Panel::kScreenSize, Panel::kScreenSize, QImage::Format_RGB32);
        frame.fill(Qt::red);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 20; ++i)
            panel.showFrame(frame);
        QVERIFY2(timer.elapsed() < 100, "showFrame() blocked its caller");
        QTRY_VERIFY_WITH_TIMEOUT(panel.shownFrames() >= 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(panel.shownFrames() + panel.droppedFrames(), quint64(20), kTimeoutMs);
        QVERIFY(panel.droppedFrames() >= 1); // the screen was busy with its init while frames came
        const auto bytes = hw.spi->takeBytes();
        QVERIFY(bytes.size() >= std::size_t(St7789::kFrameBytes));
        QCOMPARE(int(bytes[bytes.size() - 2]), 0xF8); // the last pixel is red, big-endian RGB565
        QCOMPARE(int(bytes[bytes.size() - 1]), 0x00);
        const QStringList log = hw.log->take();
        QVERIFY(log.contains(QStringLiteral("cmd 2c")));
        QVERIFY(log.contains(QStringLiteral("backlight=1")));
        panel.stop();
    }
};

QTEST_GUILESS_MAIN(tst_LinuxPanel)
#include "tst_linuxpanel.moc"
