// SPDX-License-Identifier: GPL-3.0-or-later
// The ADS1015 driver at register level, against a fake bus: exact config words, decoding
// of extreme and negative codes, the transactions, front-end scaling and calibration,
// and bus errors turned into messages that name the bus and the device.
#include "fakepaneldevices.h"
#include "panel/linux/ads1015.h"
#include "panel/panelconfig.h"

#include <QTest>

using namespace neurorack;
using namespace neurorack::runtime;
using namespace neurorack::runtime::test;

class tst_Ads1015 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void configWord_data()
    {
        QTest::addColumn<int>("channel");
        QTest::addColumn<double>("fullScale");
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("expected");
        // OS | MUX 1xx | PGA | MODE single-shot | DR | comparator off (COMP_QUE 11)
        QTest::addRow("AIN0 ±4.096 V 3300 SPS") << 0 << 4.096 << 3300 << 0xC3C3;
        QTest::addRow("AIN1 ±2.048 V 1600 SPS") << 1 << 2.048 << 1600 << 0xD583;
        QTest::addRow("AIN2 ±0.256 V 920 SPS") << 2 << 0.256 << 920 << 0xEB63;
        QTest::addRow("AIN3 ±6.144 V 128 SPS") << 3 << 6.144 << 128 << 0xF103;
        QTest::addRow("AIN3 ±1.024 V 2400 SPS") << 3 << 1.024 << 2400 << 0xF7A3;
        QTest::addRow("AIN0 ±0.512 V 250 SPS") << 0 << 0.512 << 250 << 0xC923;
    }
    void configWord()
    {
        QFETCH(int, channel);
        QFETCH(double, fullScale);
        QFETCH(int, rate);
        QFETCH(int, expected);
        QCOMPARE(QStringLiteral("%1").arg(Ads1015::configWord(channel, fullScale, rate), 4, 16, QLatin1Char('0')),
                 QStringLiteral("%1").arg(expected, 4, 16, QLatin1Char('0')));
    }

    void unsupportedSettings()
    {
        QVERIFY(!Ads1015::pgaBits(5.0));
        QVERIFY(!Ads1015::dataRateBits(860)); // an ADS1115 rate, not an ADS1015 one
        QCOMPARE(*Ads1015::pgaBits(6.144), 0);
        QCOMPARE(*Ads1015::dataRateBits(3300), 6);
    }

    void decode_data()
    {
        QTest::addColumn<int>("msb");
        QTest::addColumn<int>("lsb");
        QTest::addColumn<int>("code");
        QTest::addColumn<double>("volts"); // at ±4.096 V
        QTest::addRow("positive full scale") << 0x7F << 0xF0 << 2047 << 4.094;
        QTest::addRow("negative full scale") << 0x80 << 0x00 << -2048 << -4.096;
        QTest::addRow("minus one LSB") << 0xFF << 0xF0 << -1 << -0.002;
        QTest::addRow("one LSB") << 0x00 << 0x10 << 1 << 0.002;
        QTest::addRow("zero, low nibble ignored") << 0x00 << 0x0F << 0 << 0.0;
        QTest::addRow("half scale") << 0x40 << 0x00 << 1024 << 2.048;
        QTest::addRow("3.3 V") << 0x67 << 0x20 << 1650 << 3.3;
    }
    void decode()
    {
        QFETCH(int, msb);
        QFETCH(int, lsb);
        QFETCH(int, code);
        QFETCH(double, volts);
        QCOMPARE(Ads1015::decodeCode(std::uint8_t(msb), std::uint8_t(lsb)), code);
        QVERIFY(std::abs(Ads1015::codeToVolts(code, 4.096) - volts) < 1e-9);
    }

    void conversionTime()
    {
        // 1/rate with 10 % for the oscillator's tolerance, plus 25 µs of wake-up.
        QCOMPARE(Ads1015::conversionTime(3300).count(), 334 + 25);
        QCOMPARE(Ads1015::conversionTime(128).count(), 8594 + 25);
    }

    void transactions()
    {
        auto state = std::make_shared<FakeI2cState>();
        state->setAdcCode(0x49, 2, -1000);
        FakeI2cBus bus(state);
        Ads1015 adc(bus, 0x49, 4.096, 3300);
        QVERIFY(adc.probe());
        QVERIFY(adc.startConversion(2));
        const auto volts = adc.readVolts();
        QVERIFY2(volts, qPrintable(volts.errorString()));
        QCOMPARE(*volts, -1000 * 4.096 / 2048);
        // The probe reads the config register; a conversion is one config write, then the
        // pointer and the 2-byte read in one combined transfer.
        QCOMPARE(state->takeTransfers(), (QStringList{QStringLiteral("w 49: 01 | r 49: 2"), QStringLiteral("w 49: 01 e3 c3"),
                                                     QStringLiteral("w 49: 00 | r 49: 2")}));
    }

    void errors_data()
    {
        QTest::addColumn<int>("err");
        QTest::addColumn<QString>("message");
        QTest::addRow("absent") << int(EREMOTEIO) << QStringLiteral("/dev/i2c-fake: ADC at 0x48 does not answer: Remote I/O error");
        QTest::addRow("no ack") << int(ENXIO) << QStringLiteral("/dev/i2c-fake: ADC at 0x48 does not answer: No such device or address");
        QTest::addRow("bus error") << int(EIO) << QStringLiteral("/dev/i2c-fake: ADC at 0x48: Input/output error");
        QTest::addRow("timeout") << int(ETIMEDOUT) << QStringLiteral("/dev/i2c-fake: ADC at 0x48: Connection timed out");
    }
    void errors()
    {
        QFETCH(int, err);
        QFETCH(QString, message);
        auto state = std::make_shared<FakeI2cState>();
        state->setAdcCode(0x48, 0, 0);
        state->setFailing(0x48, err);
        FakeI2cBus bus(state);
        Ads1015 adc(bus, 0x48, 4.096, 3300);
        QCOMPARE(adc.probe().errorString(), message);
        QCOMPARE(adc.startConversion(0).errorString(), message);
        QCOMPARE(adc.readVolts().errorString(), message);
    }

    void frontEndAndCalibration_data()
    {
        QTest::addColumn<bool>("gate");
        QTest::addColumn<double>("adcVolts");
        QTest::addColumn<double>("jackVolts");
        // Default CV front-end: adc = 1.65 V − jack / 8 (inverting, ±13.2 V → 3.3 … 0 V).
        QTest::addRow("CV 0 V") << false << 1.65 << 0.0;
        QTest::addRow("CV +10 V") << false << 0.4 << 10.0;
        QTest::addRow("CV -10 V") << false << 2.9 << -10.0;
        QTest::addRow("CV +5 V") << false << 1.025 << 5.0;
        QTest::addRow("CV +13.2 V at ADC ground") << false << 0.0 << 13.2;
        // Default gate front-end: adc = jack / 4 (30 k / 10 k divider).
        QTest::addRow("gate 0 V") << true << 0.0 << 0.0;
        QTest::addRow("gate 5 V") << true << 1.25 << 5.0;
        QTest::addRow("gate 12 V") << true << 3.0 << 12.0;
    }
    void frontEndAndCalibration()
    {
        QFETCH(bool, gate);
        QFETCH(double, adcVolts);
        QFETCH(double, jackVolts);
        const PanelConfig c = PanelConfig::defaults();
        const auto &frontEnd = gate ? c.gateInputs[0].frontEnd : c.cvInputs[0].frontEnd;
        QVERIFY(std::abs(frontEnd.apply(adcVolts) - jackVolts) < 1e-9);
        // A unit trimmed by calibration: gain 1.02, offset −0.05 V after the front-end.
        const PanelConfig::InputCalibration trim{1.02, -0.05};
        QVERIFY(std::abs(trim.apply(frontEnd.apply(adcVolts)) - (1.02 * jackVolts - 0.05)) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(tst_Ads1015)
#include "tst_ads1015.moc"
