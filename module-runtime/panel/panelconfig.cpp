// SPDX-License-Identifier: GPL-3.0-or-later
#include "panelconfig.h"

#include "io/documentfile.h"
#include "io/fieldtext.h"

#include <QCborArray>
#include <QCborMap>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace neurorack::runtime {

namespace {

using fieldtext::at;
using fieldtext::formatNumber;
using fieldtext::join;
using fieldtext::typeName;

const QString kFormatName = QStringLiteral("neurorack.panel");

QString hexAddress(int address)
{
    return QStringLiteral("0x%1").arg(address, 2, 16, QLatin1Char('0'));
}

/// Reads one JSON object field by field in the style of core/io/documentcodec.cpp: every
/// field is optional (the caller's value stays when it is absent), every problem is
/// recorded with its path, and fields nobody read are reported as unknown by finish().
class Reader
{
public:
    Reader(FieldErrors &errors, const QCborValue &value, const QString &path)
        : m_errors(errors)
        , m_path(path)
    {
        if (!value.isMap()) {
            add(path, QStringLiteral("expected an object, got %1").arg(typeName(value)));
            return;
        }
        m_map = value.toMap();
        m_valid = true;
    }

    bool isValid() const { return m_valid; }
    QString pathOf(const QString &key) const { return join(m_path, key); }
    void add(const QString &path, const QString &message) { m_errors.append({path, message}); }

    /// The value of @p key, or nullopt when it is absent. Marks the key as known.
    std::optional<QCborValue> take(const QString &key)
    {
        m_known.insert(key);
        if (!m_valid || !m_map.contains(key))
            return std::nullopt;
        return m_map.value(key);
    }

    void number(const QString &key, double &out, double minimum, double maximum, const QString &unit = {})
    {
        if (const auto v = take(key))
            checkNumber(*v, pathOf(key), minimum, maximum, unit, out);
    }

    void integer(const QString &key, int &out, qint64 minimum, qint64 maximum)
    {
        if (const auto v = take(key))
            checkInteger(*v, pathOf(key), minimum, maximum, out);
    }

    void boolean(const QString &key, bool &out)
    {
        if (const auto v = take(key)) {
            if (v->isBool())
                out = v->toBool();
            else
                add(pathOf(key), QStringLiteral("expected true or false, got %1").arg(typeName(*v)));
        }
    }

    void string(const QString &key, QString &out, int maxLength)
    {
        const auto v = take(key);
        if (!v)
            return;
        if (!v->isString()) {
            add(pathOf(key), QStringLiteral("expected a string, got %1").arg(typeName(*v)));
        } else if (v->toString().isEmpty()) {
            add(pathOf(key), QStringLiteral("must not be empty"));
        } else if (v->toString().size() > maxLength) {
            add(pathOf(key), QStringLiteral("%1 characters, more than the %2 allowed").arg(v->toString().size()).arg(maxLength));
        } else {
            out = v->toString();
        }
    }

    /// A device path: an absolute path under /dev.
    void devicePath(const QString &key, QString &out)
    {
        QString value = out;
        const qsizetype before = m_errors.size();
        string(key, value, 256);
        if (m_errors.size() != before)
            return;
        if (!value.startsWith(QLatin1String("/dev/")))
            add(pathOf(key), QStringLiteral("\"%1\" is not a device path (expected /dev/…)").arg(value));
        else
            out = value;
    }

    /// An I²C address: a number or a string such as "0x48".
    void address(const QString &key, std::uint8_t &out, int minimum, int maximum)
    {
        if (const auto v = take(key))
            checkAddress(*v, pathOf(key), minimum, maximum, out);
    }

    void checkAddress(const QCborValue &v, const QString &path, int minimum, int maximum, std::uint8_t &out)
    {
        qint64 n = -1;
        if (v.isString()) {
            const QString s = v.toString();
            bool ok = false;
            if (s.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
                n = s.mid(2).toInt(&ok, 16);
            if (!ok) {
                add(path, QStringLiteral("\"%1\" is not an I2C address (expected a number or a string such as \"0x48\")").arg(s));
                return;
            }
        } else {
            int value = 0;
            if (!checkInteger(v, path, 0, 0x7f, value))
                return;
            n = value;
        }
        if (n < minimum || n > maximum) {
            add(path, QStringLiteral("%1 is outside %2 … %3").arg(hexAddress(int(n)), hexAddress(minimum), hexAddress(maximum)));
            return;
        }
        out = std::uint8_t(n);
    }

    /// A GPIO line offset, or null for "not connected" (-1).
    void line(const QString &key, int &out, bool required)
    {
        const auto v = take(key);
        if (!v)
            return;
        if (v->isNull()) {
            if (required)
                add(pathOf(key), QStringLiteral("must be connected (null is only allowed for the reset and backlight lines)"));
            else
                out = -1;
            return;
        }
        checkInteger(*v, pathOf(key), 0, 511, out);
    }

    bool checkNumber(const QCborValue &v, const QString &path, double minimum, double maximum, const QString &unit,
                     double &out)
    {
        const auto withUnit = [&unit](double d) { return unit.isEmpty() ? formatNumber(d) : formatNumber(d) + QLatin1Char(' ') + unit; };
        if (!v.isInteger() && !v.isDouble()) {
            add(path, QStringLiteral("expected a number, got %1").arg(typeName(v)));
            return false;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d)) {
            add(path, QStringLiteral("%1 is not a finite number").arg(formatNumber(d)));
            return false;
        }
        if (d < minimum) {
            add(path, QStringLiteral("%1 is below the %2 minimum").arg(withUnit(d), withUnit(minimum)));
            return false;
        }
        if (d > maximum) {
            add(path, QStringLiteral("%1 is above the %2 maximum").arg(withUnit(d), withUnit(maximum)));
            return false;
        }
        out = d;
        return true;
    }

    bool checkInteger(const QCborValue &v, const QString &path, qint64 minimum, qint64 maximum, int &out)
    {
        qint64 n = 0;
        if (v.isInteger()) {
            n = v.toInteger();
        } else if (v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() == std::trunc(v.toDouble())
                   && std::abs(v.toDouble()) < 9.0e15) {
            n = qint64(v.toDouble());
        } else {
            add(path, QStringLiteral("expected a whole number, got %1").arg(v.isDouble() ? formatNumber(v.toDouble()) : typeName(v)));
            return false;
        }
        if (n < minimum || n > maximum) {
            add(path, QStringLiteral("%1 is outside %2 … %3").arg(n).arg(minimum).arg(maximum));
            return false;
        }
        out = int(n);
        return true;
    }

    void finish()
    {
        if (!m_valid)
            return;
        for (auto it = m_map.constBegin(); it != m_map.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (!m_known.contains(key))
                add(pathOf(key), QStringLiteral("unknown field"));
        }
    }

private:
    FieldErrors &m_errors;
    QString m_path;
    QCborMap m_map;
    QSet<QString> m_known;
    bool m_valid = false;
};

void readAffine(Reader &parent, const QString &key, PanelConfig::InputCalibration &out, FieldErrors &errors)
{
    const auto v = parent.take(key);
    if (!v)
        return;
    Reader r(errors, *v, parent.pathOf(key));
    if (!r.isValid())
        return;
    r.number(QStringLiteral("gain"), out.gain, -1000.0, 1000.0);
    if (out.gain == 0.0)
        r.add(r.pathOf(QStringLiteral("gain")), QStringLiteral("must not be 0"));
    r.number(QStringLiteral("offset"), out.offset, -100.0, 100.0, QStringLiteral("V"));
    r.finish();
}

template<std::size_t N>
void readInputs(Reader &doc, const QString &key, std::array<PanelConfig::AdcInput, N> &inputs,
                std::array<PanelConfig::InputCalibration, N> &calibration, FieldErrors &errors)
{
    const auto v = doc.take(key);
    if (!v)
        return;
    const QString path = doc.pathOf(key);
    if (!v->isArray()) {
        doc.add(path, QStringLiteral("expected an array of %1 inputs, got %2").arg(N).arg(typeName(*v)));
        return;
    }
    const QCborArray array = v->toArray();
    if (std::size_t(array.size()) != N) {
        doc.add(path, QStringLiteral("expected %1 inputs, got %2").arg(N).arg(array.size()));
        return;
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        Reader r(errors, array.at(i), at(path, i));
        if (!r.isValid())
            continue;
        auto &input = inputs[std::size_t(i)];
        r.address(QStringLiteral("adc"), input.adcAddress, 0x48, 0x4b);
        r.integer(QStringLiteral("channel"), input.channel, 0, 3);
        readAffine(r, QStringLiteral("front_end"), input.frontEnd, errors);
        readAffine(r, QStringLiteral("calibration"), calibration[std::size_t(i)], errors);
        r.finish();
    }
}

void readAdc(Reader &doc, PanelConfig &c, FieldErrors &errors)
{
    const auto v = doc.take(QStringLiteral("adc"));
    if (!v)
        return;
    Reader r(errors, *v, doc.pathOf(QStringLiteral("adc")));
    if (!r.isValid())
        return;
    if (const auto addresses = r.take(QStringLiteral("addresses"))) {
        const QString path = r.pathOf(QStringLiteral("addresses"));
        if (!addresses->isArray() || addresses->toArray().isEmpty() || addresses->toArray().size() > 2) {
            r.add(path, QStringLiteral("expected an array of 1 or 2 addresses, got %1")
                            .arg(addresses->isArray() ? QStringLiteral("%1 entries").arg(addresses->toArray().size())
                                                      : typeName(*addresses)));
        } else {
            const QCborArray array = addresses->toArray();
            c.adcCount = int(array.size());
            for (qsizetype i = 0; i < array.size(); ++i)
                r.checkAddress(array.at(i), at(path, i), 0x48, 0x4b, c.adcAddresses[std::size_t(i)]);
            if (c.adcCount == 2 && c.adcAddresses[0] == c.adcAddresses[1])
                r.add(at(path, 1), QStringLiteral("%1 is listed twice").arg(hexAddress(c.adcAddresses[1])));
        }
    }
    if (const auto fs = r.take(QStringLiteral("full_scale_volts"))) {
        double d = 0.0;
        const QString path = r.pathOf(QStringLiteral("full_scale_volts"));
        if (r.checkNumber(*fs, path, 0.0, 100.0, QStringLiteral("V"), d)) {
            static constexpr std::array kRanges{6.144, 4.096, 2.048, 1.024, 0.512, 0.256};
            if (std::find(kRanges.begin(), kRanges.end(), d) == kRanges.end())
                r.add(path, QStringLiteral("%1 V is not an ADS1015 range (expected 6.144, 4.096, 2.048, 1.024, 0.512 or 0.256)")
                                .arg(formatNumber(d)));
            else
                c.adcFullScaleVolts = d;
        }
    }
    if (const auto rate = r.take(QStringLiteral("data_rate"))) {
        int n = 0;
        const QString path = r.pathOf(QStringLiteral("data_rate"));
        if (r.checkInteger(*rate, path, 1, 100000, n)) {
            static constexpr std::array kRates{128, 250, 490, 920, 1600, 2400, 3300};
            if (std::find(kRates.begin(), kRates.end(), n) == kRates.end())
                r.add(path, QStringLiteral("%1 samples/s is not an ADS1015 data rate (expected 128, 250, 490, 920, 1600, 2400 or 3300)").arg(n));
            else
                c.adcDataRate = n;
        }
    }
    r.finish();
}

void readEncoder(Reader &doc, PanelConfig &c, FieldErrors &errors)
{
    const auto v = doc.take(QStringLiteral("encoder"));
    if (!v)
        return;
    Reader r(errors, *v, doc.pathOf(QStringLiteral("encoder")));
    if (!r.isValid())
        return;
    r.address(QStringLiteral("address"), c.encoderAddress, 0x08, 0x77);
    r.integer(QStringLiteral("counts_per_detent"), c.encoderCountsPerDetent, 1, 16);
    r.boolean(QStringLiteral("reverse"), c.encoderReverse);
    if (const auto led = r.take(QStringLiteral("led"))) {
        const QString path = r.pathOf(QStringLiteral("led"));
        if (!led->isArray() || led->toArray().size() != 3) {
            r.add(path, QStringLiteral("expected an array of 3 numbers [red, green, blue], got %1")
                            .arg(led->isArray() ? QStringLiteral("%1 entries").arg(led->toArray().size()) : typeName(*led)));
        } else {
            for (qsizetype i = 0; i < 3; ++i) {
                int n = 0;
                if (r.checkInteger(led->toArray().at(i), at(path, i), 0, 255, n))
                    c.encoderLed[std::size_t(i)] = std::uint8_t(n);
            }
        }
    }
    r.finish();
}

void readScreen(Reader &doc, PanelConfig &c, FieldErrors &errors)
{
    const auto v = doc.take(QStringLiteral("screen"));
    if (!v)
        return;
    Reader r(errors, *v, doc.pathOf(QStringLiteral("screen")));
    if (!r.isValid())
        return;
    r.devicePath(QStringLiteral("spidev"), c.spiDevice);
    r.integer(QStringLiteral("speed_hz"), c.spiSpeedHz, 100'000, 100'000'000);
    r.integer(QStringLiteral("mode"), c.spiMode, 0, 3);
    int rotation = c.screenRotation;
    r.integer(QStringLiteral("rotation"), rotation, 0, 270);
    if (rotation % 90 != 0)
        r.add(r.pathOf(QStringLiteral("rotation")), QStringLiteral("%1 is not 0, 90, 180 or 270").arg(rotation));
    else
        c.screenRotation = rotation;
    r.integer(QStringLiteral("x_offset"), c.screenXOffset, 0, 80);
    r.integer(QStringLiteral("y_offset"), c.screenYOffset, 0, 80);
    r.finish();
}

void readGpio(Reader &doc, PanelConfig &c, FieldErrors &errors)
{
    const auto v = doc.take(QStringLiteral("gpio"));
    if (!v)
        return;
    Reader r(errors, *v, doc.pathOf(QStringLiteral("gpio")));
    if (!r.isValid())
        return;
    r.devicePath(QStringLiteral("chip"), c.gpioChip);
    r.line(QStringLiteral("dc"), c.dcLine, true);
    r.line(QStringLiteral("reset"), c.resetLine, false);
    r.line(QStringLiteral("backlight"), c.backlightLine, false);
    r.line(QStringLiteral("button"), c.buttonLine, true);
    r.boolean(QStringLiteral("button_active_low"), c.buttonActiveLow);
    if (const auto bias = r.take(QStringLiteral("button_bias"))) {
        static const QStringList kNames{QStringLiteral("as_is"), QStringLiteral("pull_up"), QStringLiteral("pull_down"),
                                        QStringLiteral("disabled")};
        const qsizetype index = bias->isString() ? kNames.indexOf(bias->toString()) : -1;
        if (index < 0)
            r.add(r.pathOf(QStringLiteral("button_bias")),
                  QStringLiteral("%1 is not a bias (expected one of: %2)")
                      .arg(bias->isString() ? QLatin1Char('"') + bias->toString() + QLatin1Char('"') : typeName(*bias),
                           kNames.join(QStringLiteral(", "))));
        else
            c.buttonBias = PanelConfig::Bias(index);
    }
    r.integer(QStringLiteral("button_debounce_ms"), c.buttonDebounceMs, 0, 100);
    r.finish();
}

void readSimpleSections(Reader &doc, PanelConfig &c, FieldErrors &errors)
{
    if (const auto v = doc.take(QStringLiteral("i2c"))) {
        Reader r(errors, *v, doc.pathOf(QStringLiteral("i2c")));
        if (r.isValid()) {
            r.integer(QStringLiteral("bus"), c.i2cBus, 0, 255);
            r.finish();
        }
    }
    if (const auto v = doc.take(QStringLiteral("deadband"))) {
        Reader r(errors, *v, doc.pathOf(QStringLiteral("deadband")));
        if (r.isValid()) {
            r.number(QStringLiteral("cv_volts"), c.cvDeadbandVolts, 0.0, 1.0, QStringLiteral("V"));
            r.number(QStringLiteral("gate_volts"), c.gateDeadbandVolts, 0.0, 1.0, QStringLiteral("V"));
            r.finish();
        }
    }
    if (const auto v = doc.take(QStringLiteral("audio"))) {
        Reader r(errors, *v, doc.pathOf(QStringLiteral("audio")));
        if (r.isValid()) {
            r.string(QStringLiteral("alsa_device"), c.alsaDevice, 256);
            r.integer(QStringLiteral("period_frames"), c.periodFrames, PanelConfig::kMinPeriodFrames, PanelConfig::kMaxPeriodFrames);
            r.finish();
        }
    }
}

/// Rules between fields: inputs on listed ADCs, no channel used twice, distinct GPIO lines.
void crossCheck(const PanelConfig &c, FieldErrors &errors)
{
    struct Use {
        QString path;
        const PanelConfig::AdcInput *input;
    };
    QList<Use> uses;
    for (int i = 0; i < PanelConfig::kCvCount; ++i)
        uses.append({at(QStringLiteral("cv"), i), &c.cvInputs[std::size_t(i)]});
    for (int i = 0; i < PanelConfig::kGateCount; ++i)
        uses.append({at(QStringLiteral("gates"), i), &c.gateInputs[std::size_t(i)]});
    QStringList listed;
    for (int i = 0; i < c.adcCount; ++i)
        listed << hexAddress(c.adcAddresses[std::size_t(i)]);
    for (qsizetype i = 0; i < uses.size(); ++i) {
        const auto &u = uses.at(i);
        if (c.adcIndexOf(u.input->adcAddress) < 0) {
            errors.append({join(u.path, QStringLiteral("adc")), QStringLiteral("%1 is not one of adc.addresses (%2)")
                                                                     .arg(hexAddress(u.input->adcAddress), listed.join(QStringLiteral(", ")))});
            continue;
        }
        for (qsizetype j = 0; j < i; ++j) {
            const auto &other = uses.at(j);
            if (other.input->adcAddress == u.input->adcAddress && other.input->channel == u.input->channel) {
                errors.append({u.path, QStringLiteral("ADC %1 channel %2 already feeds %3")
                                           .arg(hexAddress(u.input->adcAddress))
                                           .arg(u.input->channel)
                                           .arg(other.path)});
                break;
            }
        }
    }
    for (int i = 0; i < c.adcCount; ++i)
        if (c.adcAddresses[std::size_t(i)] == c.encoderAddress)
            errors.append({QStringLiteral("encoder.address"), QStringLiteral("%1 is also an ADC's address").arg(hexAddress(c.encoderAddress))});

    const std::array<std::pair<QString, int>, 4> lines{{{QStringLiteral("dc"), c.dcLine},
                                                         {QStringLiteral("reset"), c.resetLine},
                                                         {QStringLiteral("backlight"), c.backlightLine},
                                                         {QStringLiteral("button"), c.buttonLine}}};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].second < 0)
            continue;
        for (std::size_t j = 0; j < i; ++j) {
            if (lines[j].second == lines[i].second) {
                errors.append({QStringLiteral("gpio.") + lines[i].first,
                               QStringLiteral("line %1 is already the %2 line").arg(lines[i].second).arg(lines[j].first)});
                break;
            }
        }
    }
}

} // namespace

std::array<PanelConfig::AdcInput, PanelConfig::kCvCount> PanelConfig::defaultCvInputs()
{
    // ±13.2 V at the jack (all of a ±12 V Eurorack swing) → 3.3 … 0 V at the ADC: an
    // inverting stage of gain −1/8 around 1.65 V (hardware/README.md, "Input front-end");
    // this is its inverse, jack = 13.2 V − 8 × adc.
    constexpr InputCalibration kCvFrontEnd{-8.0, 13.2};
    std::array<AdcInput, kCvCount> inputs;
    for (int i = 0; i < kCvCount; ++i)
        inputs[std::size_t(i)] = AdcInput{0x48, i, kCvFrontEnd};
    return inputs;
}

std::array<PanelConfig::AdcInput, PanelConfig::kGateCount> PanelConfig::defaultGateInputs()
{
    // 0 … 12 V at the jack → 0 … 3 V at the ADC through a 30 k / 10 k divider and a buffer.
    constexpr InputCalibration kGateFrontEnd{4.0, 0.0};
    return {AdcInput{0x49, 0, kGateFrontEnd}, AdcInput{0x49, 1, kGateFrontEnd}};
}

int PanelConfig::adcIndexOf(std::uint8_t address) const
{
    for (int i = 0; i < adcCount; ++i)
        if (adcAddresses[std::size_t(i)] == address)
            return i;
    return -1;
}

Result<PanelConfig> PanelConfig::fromJson(const QByteArray &json)
{
    const auto tree = DocumentFile::parse(json);
    if (!tree)
        return tree.errors();

    FieldErrors errors;
    Reader doc(errors, *tree, QString());
    if (!doc.isValid())
        return errors;

    // The header first: a document that is not a panel description is not worth reading further.
    const auto format = doc.take(QStringLiteral("format"));
    if (!format)
        return Result<PanelConfig>::failure(QStringLiteral("format"), QStringLiteral("missing"));
    if (!format->isString() || format->toString() != kFormatName)
        return Result<PanelConfig>::failure(QStringLiteral("format"), QStringLiteral("%1 is not a Neurorack panel description (expected \"%2\")")
                                                                        .arg(format->isString() ? QLatin1Char('"') + format->toString() + QLatin1Char('"')
                                                                                                : typeName(*format),
                                                                             kFormatName));
    const auto version = doc.take(QStringLiteral("version"));
    if (!version)
        return Result<PanelConfig>::failure(QStringLiteral("version"), QStringLiteral("missing"));
    int v = 0;
    if (!doc.checkInteger(*version, QStringLiteral("version"), 1, std::numeric_limits<int>::max(), v))
        return errors;
    if (v > kCurrentVersion)
        return Result<PanelConfig>::failure(QStringLiteral("version"), QStringLiteral("%1 is newer than this Neurorack understands (%2): update neurorack-runtime")
                                                                         .arg(v)
                                                                         .arg(kCurrentVersion));

    PanelConfig c = defaults();
    readSimpleSections(doc, c, errors);
    readAdc(doc, c, errors);
    readInputs(doc, QStringLiteral("cv"), c.cvInputs, c.cvCalibration, errors);
    readInputs(doc, QStringLiteral("gates"), c.gateInputs, c.gateCalibration, errors);
    readEncoder(doc, c, errors);
    readScreen(doc, c, errors);
    readGpio(doc, c, errors);
    doc.finish();
    if (errors.isEmpty())
        crossCheck(c, errors);
    if (!errors.isEmpty())
        return errors;
    return c;
}

Result<PanelConfig> PanelConfig::load(const QString &path)
{
    const auto bytes = DocumentFile::readFile(path);
    if (!bytes)
        return bytes.errors();
    return fromJson(*bytes);
}

} // namespace neurorack::runtime
