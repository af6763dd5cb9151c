// SPDX-License-Identifier: GPL-3.0-or-later
// PanelConfig: the shipped hardware/panel*.json files load (and panel.json is exactly the
// built-in defaults), optional fields fall back to the defaults, and every malformed
// document is refused whole with messages that name the field.
#include "panel/panelconfig.h"

#include <QDir>
#include <QTest>

using namespace neurorack;
using namespace neurorack::runtime;

namespace {

/// A panel document with @p body after the header.
QByteArray doc(const char *body)
{
    QByteArray bytes = R"({"format": "neurorack.panel", "version": 1)";
    if (qstrlen(body) > 0)
        bytes += ", " + QByteArray(body);
    return bytes + "}";
}

} // namespace

class tst_PanelConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedFilesLoad_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(NEURORACK_SOURCE_DIR "/hardware"));
        const QStringList files = dir.entryList({QStringLiteral("panel*.json")}, QDir::Files);
        QVERIFY(files.contains(QStringLiteral("panel.json")));
        for (const QString &f : files)
            QTest::addRow("%s", qPrintable(f)) << dir.filePath(f);
    }
    void shippedFilesLoad()
    {
        QFETCH(QString, path);
        const auto config = PanelConfig::load(path);
        QVERIFY2(config, qPrintable(config.errorString()));
        if (path.endsWith(QLatin1String("/panel.json")))
            QVERIFY2(*config == PanelConfig::defaults(), "hardware/panel.json and PanelConfig::defaults() differ");
    }

    void minimalDocumentIsTheDefaults()
    {
        const auto config = PanelConfig::fromJson(doc(""));
        QVERIFY2(config, qPrintable(config.errorString()));
        QVERIFY(*config == PanelConfig::defaults());
    }

    void fieldsAreRead()
    {
        const auto config = PanelConfig::fromJson(doc(R"(
            "i2c": {"bus": 7},
            "adc": {"addresses": ["0x4A", 75], "full_scale_volts": 6.144, "data_rate": 1600},
            "cv": [{"adc": "0x4a", "channel": 3, "calibration": {"gain": 1.01, "offset": -0.02}},
                   {"adc": "0x4a", "channel": 2}, {"adc": "0x4a", "channel": 1}, {"adc": "0x4b", "channel": 0}],
            "gates": [{"adc": "0x4a", "channel": 0, "front_end": {"gain": 3.0, "offset": 0}}, {"adc": "0x4b", "channel": 1}],
            "encoder": {"address": "0x1F", "counts_per_detent": 2, "reverse": true, "led": [1, 2, 3]},
            "screen": {"spidev": "/dev/spidev1.0", "speed_hz": 62500000, "mode": 3, "rotation": 270, "x_offset": 80},
            "gpio": {"chip": "/dev/gpiochip4", "dc": 25, "reset": null, "backlight": null, "button": 17,
                     "button_active_low": false, "button_bias": "disabled", "button_debounce_ms": 0},
            "audio": {"alsa_device": "hw:CARD=sndrpihifiberry,DEV=0", "period_frames": 32})"));
        QVERIFY2(config, qPrintable(config.errorString()));
        const PanelConfig &c = *config;
        QCOMPARE(c.i2cBus, 7);
        QCOMPARE(c.adcCount, 2);
        QCOMPARE(c.adcAddresses[0], 0x4A);
        QCOMPARE(c.adcAddresses[1], 0x4B);
        QCOMPARE(c.cvInputs[3].adcAddress, 0x4B);
        QCOMPARE(c.adcFullScaleVolts, 6.144);
        QCOMPARE(c.adcDataRate, 1600);
        QCOMPARE(c.cvInputs[0].channel, 3);
        QCOMPARE(c.cvCalibration[0], (PanelConfig::InputCalibration{1.01, -0.02}));
        QCOMPARE(c.cvCalibration[1], PanelConfig::InputCalibration{});
        QCOMPARE(c.cvInputs[1].frontEnd, PanelConfig::defaults().cvInputs[1].frontEnd); // kept when absent
        QCOMPARE(c.gateInputs[0].frontEnd, (PanelConfig::InputCalibration{3.0, 0.0}));
        QCOMPARE(c.encoderAddress, 0x1F);
        QCOMPARE(c.encoderCountsPerDetent, 2);
        QVERIFY(c.encoderReverse);
        QCOMPARE(c.encoderLed, (std::array<std::uint8_t, 3>{1, 2, 3}));
        QCOMPARE(c.spiDevice, QStringLiteral("/dev/spidev1.0"));
        QCOMPARE(c.spiSpeedHz, 62'500'000);
        QCOMPARE(c.spiMode, 3);
        QCOMPARE(c.screenRotation, 270);
        QCOMPARE(c.screenXOffset, 80);
        QCOMPARE(c.gpioChip, QStringLiteral("/dev/gpiochip4"));
        QCOMPARE(c.dcLine, 25);
        QCOMPARE(c.resetLine, -1);
        QCOMPARE(c.backlightLine, -1);
        QCOMPARE(c.buttonLine, 17);
        QVERIFY(!c.buttonActiveLow);
        QCOMPARE(c.buttonBias, PanelConfig::Bias::Disabled);
        QCOMPARE(c.buttonDebounceMs, 0);
        QCOMPARE(c.alsaDevice, QStringLiteral("hw:CARD=sndrpihifiberry,DEV=0"));
        QCOMPARE(c.periodFrames, 32);
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("errors");
        const auto row = [](const char *name, const QByteArray &json, const QStringList &errors) {
            QTest::addRow("%s", name) << json << errors;
        };
        row("not JSON", "{\"format\": ", {QStringLiteral("line 1, column 12: malformed JSON: unterminated object")});
        row("no format", R"({"version": 1})", {QStringLiteral("format: missing")});
        row("a bank", R"({"format": "neurorack.bank", "version": 1})",
            {QStringLiteral("format: \"neurorack.bank\" is not a Neurorack panel description (expected \"neurorack.panel\")")});
        row("newer version", R"({"format": "neurorack.panel", "version": 2})",
            {QStringLiteral("version: 2 is newer than this Neurorack understands (1): update neurorack-runtime")});
        row("unknown top-level field", doc(R"("screens": {})"), {QStringLiteral("screens: unknown field")});
        row("unknown nested field", doc(R"("gpio": {"chip": "/dev/gpiochip0", "buton": 4})"), {QStringLiteral("gpio.buton: unknown field")});
        row("calibration gain a string", doc(R"("cv": [{}, {}, {"calibration": {"gain": "1.0"}}, {}])"),
            {QStringLiteral("cv[2].calibration.gain: expected a number, got a string")});
        row("calibration gain zero", doc(R"("gates": [{"calibration": {"gain": 0}}, {}])"),
            {QStringLiteral("gates[0].calibration.gain: must not be 0")});
        row("front-end offset too large", doc(R"("cv": [{}, {"front_end": {"offset": 1000}}, {}, {}])"),
            {QStringLiteral("cv[1].front_end.offset: 1000 V is above the 100 V maximum")});
        row("three CVs", doc(R"("cv": [{}, {}, {}])"), {QStringLiteral("cv: expected 4 inputs, got 3")});
        row("gates not an array", doc(R"("gates": {"adc": "0x49"})"), {QStringLiteral("gates: expected an array of 2 inputs, got an object")});
        row("channel out of range", doc(R"("cv": [{"channel": 4}, {}, {}, {}])"), {QStringLiteral("cv[0].channel: 4 is outside 0 … 3")});
        row("ADC address not an ADS1015", doc(R"("adc": {"addresses": ["0x48", "0x50"]})"),
            {QStringLiteral("adc.addresses[1]: 0x50 is outside 0x48 … 0x4b")});
        row("address not hex", doc(R"("encoder": {"address": "fifteen"})"),
            {QStringLiteral("encoder.address: \"fifteen\" is not an I2C address (expected a number or a string such as \"0x48\")")});
        row("input on an unlisted ADC", doc(R"("adc": {"addresses": ["0x48"]})"),
            {QStringLiteral("gates[0].adc: 0x49 is not one of adc.addresses (0x48)"),
             QStringLiteral("gates[1].adc: 0x49 is not one of adc.addresses (0x48)")});
        row("channel used twice", doc(R"("gates": [{"adc": "0x48", "channel": 2}, {}])"),
            {QStringLiteral("gates[0]: ADC 0x48 channel 2 already feeds cv[2]")});
        row("ADC listed twice", doc(R"("adc": {"addresses": ["0x49", "0x49"]})"), {QStringLiteral("adc.addresses[1]: 0x49 is listed twice")});
        row("not a PGA range", doc(R"("adc": {"full_scale_volts": 5})"),
            {QStringLiteral("adc.full_scale_volts: 5 V is not an ADS1015 range (expected 6.144, 4.096, 2.048, 1.024, 0.512 or 0.256)")});
        row("not a data rate", doc(R"("adc": {"data_rate": 860})"),
            {QStringLiteral("adc.data_rate: 860 samples/s is not an ADS1015 data rate (expected 128, 250, 490, 920, 1600, 2400 or 3300)")});
        row("period too long", doc(R"("audio": {"period_frames": 128})"), {QStringLiteral("audio.period_frames: 128 is outside 16 … 64")});
        row("empty ALSA device", doc(R"("audio": {"alsa_device": ""})"), {QStringLiteral("audio.alsa_device: must not be empty")});
        row("spidev not a device", doc(R"("screen": {"spidev": "spidev0.0"})"),
            {QStringLiteral("screen.spidev: \"spidev0.0\" is not a device path (expected /dev/…)")});
        row("rotation 45", doc(R"("screen": {"rotation": 45})"), {QStringLiteral("screen.rotation: 45 is not 0, 90, 180 or 270")});
        row("DC not connected", doc(R"("gpio": {"dc": null})"),
            {QStringLiteral("gpio.dc: must be connected (null is only allowed for the reset and backlight lines)")});
        row("same line twice", doc(R"("gpio": {"button": 13})"), {QStringLiteral("gpio.button: line 13 is already the dc line")});
        row("unknown bias", doc(R"("gpio": {"button_bias": "up"})"),
            {QStringLiteral("gpio.button_bias: \"up\" is not a bias (expected one of: as_is, pull_up, pull_down, disabled)")});
        row("reverse not a boolean", doc(R"("encoder": {"reverse": 1})"), {QStringLiteral("encoder.reverse: expected true or false, got a number")});
        row("LED with two values", doc(R"("encoder": {"led": [1, 2]})"),
            {QStringLiteral("encoder.led: expected an array of 3 numbers [red, green, blue], got 2 entries")});
        row("encoder on an ADC's address", doc(R"("encoder": {"address": "0x48"})"), {QStringLiteral("encoder.address: 0x48 is also an ADC's address")});
        row("fractional bus", doc(R"("i2c": {"bus": 1.5})"), {QStringLiteral("i2c.bus: expected a whole number, got 1.5")});
        row("several errors at once", doc(R"("i2c": {"bus": -1}, "audio": {"period_frames": "64", "alsa": "hw:0"})"),
            {QStringLiteral("i2c.bus: -1 is outside 0 … 255"), QStringLiteral("audio.period_frames: expected a whole number, got a string"),
             QStringLiteral("audio.alsa: unknown field")});
    }
    void invalid()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, errors);
        const auto config = PanelConfig::fromJson(json);
        QVERIFY(!config.ok());
        QStringList actual;
        for (const auto &e : config.errors())
            actual << e.toString();
        QCOMPARE(actual, errors);
    }

    void missingFile()
    {
        const auto config = PanelConfig::load(QStringLiteral("/nonexistent/panel.json"));
        QCOMPARE(config.errorString(), QStringLiteral("/nonexistent/panel.json: no such file"));
    }
};

QTEST_GUILESS_MAIN(tst_PanelConfig)
#include "tst_panelconfig.moc"
