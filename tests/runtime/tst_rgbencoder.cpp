// SPDX-License-Identifier: GPL-3.0-or-later
// The Pimoroni RGB encoder breakout (IO Expander firmware) at register level, against a
// fake register map: identification, the pin and encoder set-up, the LED's PWM, and the
// decoding of the 8-bit counter into detent steps across its wrap-around.
#include "fakepaneldevices.h"
#include "panel/linux/rgbencoder.h"

#include <QTest>

using namespace neurorack;
using namespace neurorack::runtime;
using namespace neurorack::runtime::test;

namespace {

constexpr std::uint16_t kAddress = 0x0F;

std::shared_ptr<FakeI2cState> breakout()
{
    auto state = std::make_shared<FakeI2cState>();
    state->setRegister(kAddress, 0xFA, 0x6A); // chip id 0xE26A, little-endian
    state->setRegister(kAddress, 0xFB, 0xE2);
    // Power-on values that the set-up must change bit by bit without clobbering the rest.
    state->setRegister(kAddress, RgbEncoder::kRegEncEn, 0b0000'0010); // microsteps on
    state->setRegister(kAddress, RgbEncoder::kRegP0M1, 0b0010'0001);
    state->setRegister(kAddress, RgbEncoder::kRegP0M2, 0b0010'0000);
    state->setRegister(kAddress, RgbEncoder::kRegPioCon1, 0b0000'0100);
    return state;
}

} // namespace

class tst_RgbEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setUp()
    {
        auto state = breakout();
        FakeI2cBus bus(state);
        RgbEncoder encoder(bus);
        const Status s = encoder.start();
        QVERIFY2(s, qPrintable(s.errorString()));
        const auto reg = [&](std::uint8_t r) { return state->registerValue(kAddress, r); };
        // Encoder channel 1 on pins 12 (A) and 3 (B), enabled, full steps, counter cleared.
        QCOMPARE(reg(RgbEncoder::kRegEnc1Cfg), 0x3C);
        QCOMPARE(reg(RgbEncoder::kRegEncEn), 0b0000'0001);
        QCOMPARE(reg(RgbEncoder::kRegEnc1Count), 0);
        // A (P0.5) quasi-bidirectional with pull-up: M1 and M2 bit 5 clear; C (P0.6) open
        // drain: both bits set; the unrelated bit 0 of P0M1 kept.
        QCOMPARE(reg(RgbEncoder::kRegP0M1), 0b0100'0001);
        QCOMPARE(reg(RgbEncoder::kRegP0M2), 0b0100'0000);
        QCOMPARE(reg(RgbEncoder::kRegP0S), 0b0010'0000); // Schmitt trigger on A
        QCOMPARE(reg(RgbEncoder::kRegP1S), 0b0000'0100); // and on B (P1.2)
        // PIOCON1 bit 2 (PWM on pin 12) cleared, bit 5 (red LED) set; PIOCON0: B's bit 0
        // clear, green (bit 1) and blue (bit 2) set.
        QCOMPARE(reg(RgbEncoder::kRegPioCon1), 0b0010'0000);
        QCOMPARE(reg(RgbEncoder::kRegPioCon0), 0b0000'0110);
        QCOMPARE(reg(RgbEncoder::kRegPnp), 0b0010'0110); // LED outputs inverted (common anode)
        QCOMPARE(reg(RgbEncoder::kRegPwmCon0), 0b1000'0000); // PWMRUN
        QCOMPARE(reg(RgbEncoder::kRegPwmCon1), 0b001);       // clock / 2
        QCOMPARE(reg(RgbEncoder::kRegPwmPL), 0xFF);
        QCOMPARE(reg(RgbEncoder::kRegPwmPH), 0x00);
        // The port registers are bit-addressed: the last write to P0 drove C low (0b0000 | 6).
        QCOMPARE(reg(RgbEncoder::kRegP0), 0x06);
    }

    void led()
    {
        auto state = breakout();
        FakeI2cBus bus(state);
        RgbEncoder encoder(bus);
        QVERIFY(encoder.start());
        state->takeTransfers();
        QVERIFY(encoder.setLed(0x10, 0x20, 0x30));
        QCOMPARE(state->registerValue(kAddress, 0xCB), 0x10); // PWM5L: red
        QCOMPARE(state->registerValue(kAddress, 0x9B), 0x20); // PWM1L: green
        QCOMPARE(state->registerValue(kAddress, 0x9C), 0x30); // PWM2L: blue
        QCOMPARE(state->registerValue(kAddress, RgbEncoder::kRegPwmCon0), 0b1100'0000); // LOAD requested, still running
    }

    void identification_data()
    {
        QTest::addColumn<int>("idLow");
        QTest::addColumn<int>("idHigh");
        QTest::addColumn<int>("failing");
        QTest::addColumn<QString>("message");
        QTest::addRow("absent") << 0 << 0 << int(EREMOTEIO)
                                << QStringLiteral("/dev/i2c-fake: encoder at 0x0f does not answer: Remote I/O error");
        QTest::addRow("another chip") << 0x34 << 0x12 << 0
                                      << QStringLiteral("/dev/i2c-fake: the device at 0x0f is not a Pimoroni encoder breakout "
                                                        "(chip id 0x1234, expected 0xe26a)");
    }
    void identification()
    {
        QFETCH(int, idLow);
        QFETCH(int, idHigh);
        QFETCH(int, failing);
        QFETCH(QString, message);
        auto state = std::make_shared<FakeI2cState>();
        state->setRegister(kAddress, 0xFA, std::uint8_t(idLow));
        state->setRegister(kAddress, 0xFB, std::uint8_t(idHigh));
        state->setFailing(kAddress, failing);
        FakeI2cBus bus(state);
        RgbEncoder encoder(bus);
        QCOMPARE(encoder.start().errorString(), message);
    }

    void countDelta_data()
    {
        QTest::addColumn<int>("previous");
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("delta");
        QTest::addRow("still") << 100 << 100 << 0;
        QTest::addRow("one up") << 0 << 1 << 1;
        QTest::addRow("one down") << 1 << 0 << -1;
        QTest::addRow("up across 255 → 0") << 255 << 0 << 1;
        QTest::addRow("down across 0 → 255") << 0 << 255 << -1;
        QTest::addRow("up across the wrap") << 250 << 3 << 9;
        QTest::addRow("down across the wrap") << 3 << 250 << -9;
        QTest::addRow("up across +127/-128") << 120 << 130 << 10;
        QTest::addRow("largest up") << 0 << 127 << 127;
        QTest::addRow("largest down") << 0 << 128 << -128;
    }
    void countDelta()
    {
        QFETCH(int, previous);
        QFETCH(int, current);
        QFETCH(int, delta);
        QCOMPARE(RgbEncoder::countDelta(std::uint8_t(previous), std::uint8_t(current)), delta);
    }

    void detents()
    {
        auto state = std::make_shared<FakeI2cState>();
        FakeI2cBus bus(state);
        // Two counts per detent: half a detent is kept until the other half comes.
        RgbEncoder two(bus, kAddress, 2, false);
        QCOMPARE(two.decode(1), 0);
        QCOMPARE(two.decode(2), 1);
        QCOMPARE(two.decode(7), 2); // 5 counts: 2 detents, 1 count kept
        QCOMPARE(two.decode(8), 1);
        QCOMPARE(two.decode(7), 0); // back half a detent
        QCOMPARE(two.decode(4), -2);
        // Reversed wiring.
        RgbEncoder reversed(bus, kAddress, 1, true);
        QCOMPARE(reversed.decode(3), -3);
        QCOMPARE(reversed.decode(254), 5);
    }

    void readStepsAcrossWrap()
    {
        auto state = breakout();
        FakeI2cBus bus(state);
        RgbEncoder encoder(bus);
        QVERIFY(encoder.start());
        // Count register readings and the steps each reading reports.
        const std::array<std::pair<int, int>, 6> readings{{{5, 5}, {250, -11}, {2, 8}, {2, 0}, {120, 118}, {200, 80}}};
        for (const auto &[count, steps] : readings) {
            state->setRegister(kAddress, RgbEncoder::kRegEnc1Count, std::uint8_t(count));
            const auto s = encoder.readSteps();
            QVERIFY2(s, qPrintable(s.errorString()));
            QCOMPARE(*s, steps);
        }
        // 200 → 60 is 116 counts up, across the wrap.
        state->setRegister(kAddress, RgbEncoder::kRegEnc1Count, 60);
        QCOMPARE(*encoder.readSteps(), 116);
        state->setFailing(kAddress, EIO);
        QCOMPARE(encoder.readSteps().errorString(), QStringLiteral("/dev/i2c-fake: encoder at 0x0f: Input/output error"));
    }
};

QTEST_GUILESS_MAIN(tst_RgbEncoder)
#include "tst_rgbencoder.moc"
