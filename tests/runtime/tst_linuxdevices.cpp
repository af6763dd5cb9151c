// SPDX-License-Identifier: GPL-3.0-or-later
// The real device layer. Without hardware: opening what is not there fails with messages
// that name the device. With hardware, opt-in through environment variables:
//   NEURORACK_TEST_I2C=/dev/i2c-1        the ADCs at 0x48/0x49 and the encoder at 0x0F answer
//   NEURORACK_TEST_SPIDEV=/dev/spidev0.0 a frame can be written
//   NEURORACK_TEST_GPIOCHIP=/dev/gpiochip0 and NEURORACK_TEST_GPIO_LINE=<offset of a free line>
#include "panel/linux/ads1015.h"
#include "panel/linux/linuxgpioline.h"
#include "panel/linux/linuxi2cbus.h"
#include "panel/linux/linuxspidevice.h"
#include "panel/linux/rgbencoder.h"

#include <QTest>

using namespace neurorack;
using namespace neurorack::runtime;

namespace {
QString env(const char *name)
{
    return qEnvironmentVariable(name);
}
} // namespace

class tst_LinuxDevices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingDevicesAreNamed()
    {
        QCOMPARE(LinuxI2cBus::open(QStringLiteral("/dev/i2c-nonexistent")).errorString(),
                 QStringLiteral("/dev/i2c-nonexistent: cannot be opened: No such file or directory (is the bus enabled and i2c-dev loaded?)"));
        QVERIFY(LinuxSpiDevice::open(QStringLiteral("/dev/spidev-nonexistent"), 0, 1'000'000)
                    .errorString()
                    .startsWith(QLatin1String("/dev/spidev-nonexistent: cannot be opened: No such file or directory")));
        QCOMPARE(LinuxGpioOutput::request(QStringLiteral("/dev/gpiochip-nonexistent"), 3, QStringLiteral("DC"), false).errorString(),
                 QStringLiteral("/dev/gpiochip-nonexistent: cannot be opened: No such file or directory"));
    }

    void notAnI2cAdapter()
    {
        // /dev/null opens but answers no I2C ioctl.
        QCOMPARE(LinuxI2cBus::open(QStringLiteral("/dev/null")).errorString(),
                 QStringLiteral("/dev/null: the adapter cannot do combined I2C transfers (I2C_RDWR)"));
        QVERIFY(LinuxSpiDevice::open(QStringLiteral("/dev/null"), 0, 1'000'000)
                    .errorString()
                    .startsWith(QLatin1String("/dev/null: cannot set the SPI mode: ")));
    }

    void realI2c()
    {
        const QString path = env("NEURORACK_TEST_I2C");
        if (path.isEmpty())
            QSKIP("set NEURORACK_TEST_I2C=/dev/i2c-N to test the panel's I2C devices");
        auto bus = LinuxI2cBus::open(path);
        QVERIFY2(bus, qPrintable(bus.errorString()));
        for (const std::uint16_t address : {0x48, 0x49}) {
            Ads1015 adc(**bus, address, 4.096, 3300);
            const Status probe = adc.probe();
            QVERIFY2(probe, qPrintable(probe.errorString()));
            QVERIFY(adc.startConversion(0));
            QThread::usleep(std::uint64_t(adc.conversionTime().count()));
            const auto volts = adc.readVolts();
            QVERIFY2(volts, qPrintable(volts.errorString()));
            qInfo("ADC 0x%x AIN0: %.3f V", address, *volts);
        }
        RgbEncoder encoder(**bus);
        const Status s = encoder.start();
        QVERIFY2(s, qPrintable(s.errorString()));
        QVERIFY(encoder.setLed(0, 64, 0));
    }

    void realSpi()
    {
        const QString path = env("NEURORACK_TEST_SPIDEV");
        if (path.isEmpty())
            QSKIP("set NEURORACK_TEST_SPIDEV=/dev/spidevB.C to test SPI writes");
        auto spi = LinuxSpiDevice::open(path, 0, 10'000'000);
        QVERIFY2(spi, qPrintable(spi.errorString()));
        std::vector<std::uint8_t> bytes(SpiDevice::kMaxTransferBytes, 0x5A);
        const Status s = (*spi)->write(bytes);
        QVERIFY2(s, qPrintable(s.errorString()));
    }

    void realGpio()
    {
        const QString chip = env("NEURORACK_TEST_GPIOCHIP");
        const QString line = env("NEURORACK_TEST_GPIO_LINE");
        if (chip.isEmpty() || line.isEmpty())
            QSKIP("set NEURORACK_TEST_GPIOCHIP and NEURORACK_TEST_GPIO_LINE (a free line) to test GPIO requests");
        {
            auto out = LinuxGpioOutput::request(chip, line.toInt(), QStringLiteral("test"), false);
            QVERIFY2(out, qPrintable(out.errorString()));
            QVERIFY((*out)->set(true));
            QVERIFY((*out)->set(false));
        }
        auto in = LinuxGpioInput::request(chip, line.toInt(), QStringLiteral("test"), true, LinuxGpioInput::Bias::PullUp, 5000);
        QVERIFY2(in, qPrintable(in.errorString()));
        QVERIFY((*in)->value());
        QVERIFY((*in)->nextEdge()); // no edge pending: an empty optional, not an error
    }
};

QTEST_GUILESS_MAIN(tst_LinuxDevices)
#include "tst_linuxdevices.moc"
