// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentcodec.h"
#include "io/fieldtext.h"

#include "model/framegrid.h"

#include <QCborArray>
#include <QSet>

#include <cmath>

namespace neurorack {

namespace {

using fieldtext::at;
using fieldtext::formatNumber;
using fieldtext::join;
using fieldtext::typeName;

const QString kFormat = QStringLiteral("format");
const QString kVersion = QStringLiteral("version");
const QString kGrid = QStringLiteral("grid");

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QString withUnit(double v, const QString &unit)
{
    return unit.isEmpty() ? formatNumber(v) : formatNumber(v) + QLatin1Char(' ') + unit;
}

/// Collects errors for one document, up to a limit.
class ErrorSink
{
public:
    void add(const QString &path, const QString &message)
    {
        if (m_errors.size() < DocumentCodec::kMaxReportedErrors)
            m_errors.append({path, message});
        else
            ++m_dropped;
    }
    bool isEmpty() const { return m_errors.isEmpty(); }
    qsizetype count() const { return m_errors.size() + m_dropped; }
    FieldErrors take()
    {
        if (m_dropped > 0)
            m_errors.append({QString(), QStringLiteral("… and %1 more errors").arg(m_dropped)});
        return std::move(m_errors);
    }

private:
    FieldErrors m_errors;
    qsizetype m_dropped = 0;
};

/// Reads one object (a CBOR map) field by field, recording every problem with its
/// path, and reports the fields nobody asked for (usually typos) in finish().
class ObjectReader
{
public:
    ObjectReader(ErrorSink &sink, const QCborValue &value, const QString &path)
        : m_sink(sink)
        , m_path(path)
    {
        if (!value.isMap()) {
            m_sink.add(path, QStringLiteral("expected an object, got %1").arg(typeName(value)));
            return;
        }
        m_valid = true;
        m_map = value.toMap();
        QSet<QString> seen;
        for (auto it = m_map.constBegin(); it != m_map.constEnd(); ++it) {
            if (!it.key().isString()) {
                m_sink.add(path, QStringLiteral("object keys must be strings, got %1").arg(typeName(it.key())));
                m_valid = false;
            } else if (seen.contains(it.key().toString())) {
                // CBOR can say a key twice; which one would win is not something to guess.
                m_sink.add(join(path, it.key().toString()), QStringLiteral("appears twice"));
                m_valid = false;
            } else {
                seen.insert(it.key().toString());
            }
        }
    }

    bool isValid() const { return m_valid; }
    const QString &path() const { return m_path; }
    QString pathOf(const QString &key) const { return join(m_path, key); }
    bool has(const QString &key) const { return m_valid && m_map.contains(key); }

    /// The raw value of @p key (undefined when absent), marking the key as known.
    QCborValue take(const QString &key)
    {
        m_known.insert(key);
        return m_valid ? m_map.value(key) : QCborValue();
    }

    /// A required field's raw value, or nullopt after reporting it missing.
    std::optional<QCborValue> required(const QString &key)
    {
        if (!m_valid)
            return std::nullopt;
        QCborValue v = take(key);
        if (!m_map.contains(key)) {
            m_sink.add(pathOf(key), QStringLiteral("missing"));
            return std::nullopt;
        }
        return v;
    }

    std::optional<QString> string(const QString &key, int minLength, int maxLength)
    {
        const auto v = required(key);
        if (!v)
            return std::nullopt;
        return checkString(*v, pathOf(key), minLength, maxLength);
    }

    std::optional<QString> optionalString(const QString &key, int maxLength)
    {
        if (!has(key)) {
            take(key);
            return QString();
        }
        return checkString(take(key), pathOf(key), 0, maxLength);
    }

    std::optional<QString> id(const QString &key)
    {
        auto s = string(key, 1, limits::kMaxIdLength);
        if (s && !limits::isValidId(*s)) {
            m_sink.add(pathOf(key), QStringLiteral("%1 is not a valid id (letters, digits, '.', '_' and '-', "
                                                   "starting with a letter or digit)")
                                        .arg(quoted(*s)));
            return std::nullopt;
        }
        return s;
    }

    std::optional<double> number(const QString &key, double minimum, double maximum, const QString &unit = {})
    {
        const auto v = required(key);
        if (!v)
            return std::nullopt;
        return checkNumber(m_sink, *v, pathOf(key), minimum, maximum, unit);
    }

    std::optional<qint64> integer(const QString &key, qint64 minimum, qint64 maximum)
    {
        const auto v = required(key);
        if (!v)
            return std::nullopt;
        return checkInteger(m_sink, *v, pathOf(key), minimum, maximum);
    }

    /// Reports every field that no take() asked for.
    void finish()
    {
        if (!m_valid)
            return;
        for (auto it = m_map.constBegin(); it != m_map.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (!m_known.contains(key))
                m_sink.add(pathOf(key), QStringLiteral("unknown field"));
        }
    }

    static std::optional<double> checkNumber(ErrorSink &sink, const QCborValue &v, const QString &path, double minimum,
                                             double maximum, const QString &unit = {})
    {
        if (!v.isInteger() && !v.isDouble()) {
            sink.add(path, QStringLiteral("expected a number, got %1").arg(typeName(v)));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d)) {
            sink.add(path, QStringLiteral("%1 is not a finite number").arg(formatNumber(d)));
            return std::nullopt;
        }
        if (d < minimum) {
            sink.add(path, QStringLiteral("%1 is below the %2 minimum").arg(withUnit(d, unit), withUnit(minimum, unit)));
            return std::nullopt;
        }
        if (d > maximum) {
            sink.add(path, QStringLiteral("%1 is above the %2 maximum").arg(withUnit(d, unit), withUnit(maximum, unit)));
            return std::nullopt;
        }
        return d;
    }

    static std::optional<qint64> checkInteger(ErrorSink &sink, const QCborValue &v, const QString &path,
                                              qint64 minimum, qint64 maximum)
    {
        qint64 n = 0;
        if (v.isInteger()) {
            n = v.toInteger();
        } else if (v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() == std::trunc(v.toDouble())
                   && std::abs(v.toDouble()) < 9.0e15) {
            n = static_cast<qint64>(v.toDouble()); // 48000.0 is a fine way to write 48000
        } else {
            sink.add(path, QStringLiteral("expected a whole number, got %1")
                               .arg(v.isDouble() ? formatNumber(v.toDouble()) : typeName(v)));
            return std::nullopt;
        }
        if (n < minimum || n > maximum) {
            sink.add(path, QStringLiteral("%1 is outside %2 … %3").arg(n).arg(minimum).arg(maximum));
            return std::nullopt;
        }
        return n;
    }

private:
    std::optional<QString> checkString(const QCborValue &v, const QString &path, int minLength, int maxLength)
    {
        if (!v.isString()) {
            m_sink.add(path, QStringLiteral("expected a string, got %1").arg(typeName(v)));
            return std::nullopt;
        }
        QString s = v.toString();
        if (s.size() < minLength) {
            m_sink.add(path, minLength == 1 ? QStringLiteral("must not be empty")
                                            : QStringLiteral("must have at least %1 characters").arg(minLength));
            return std::nullopt;
        }
        if (s.size() > maxLength) {
            m_sink.add(path, QStringLiteral("%1 characters, more than the %2 allowed").arg(s.size()).arg(maxLength));
            return std::nullopt;
        }
        return s;
    }

    ErrorSink &m_sink;
    QString m_path;
    QCborMap m_map;
    QSet<QString> m_known;
    bool m_valid = false;
};

/// Checks "format" and "version"; false means the rest is not worth reading.
bool checkHeader(ObjectReader &doc, ErrorSink &sink, DocumentKind kind, int supportedVersion)
{
    const QString expected = DocumentCodec::formatName(kind);
    const auto format = doc.string(kFormat, 1, 64);
    if (!format)
        return false;
    if (*format != expected) {
        const QCborMap probe{{kFormat, *format}};
        const auto other = DocumentCodec::kindOf(probe);
        if (other) {
            static const QStringList kNames{QStringLiteral("bank"), QStringLiteral("preset"), QStringLiteral("mapping")};
            sink.add(kFormat, QStringLiteral("%1 is a %2, not a %3")
                                  .arg(quoted(*format), kNames.at(int(*other)), kNames.at(int(kind))));
        } else {
            sink.add(kFormat, QStringLiteral("%1 is not a Neurorack document format (expected %2)")
                                  .arg(quoted(*format), quoted(expected)));
        }
        return false;
    }
    const auto version = doc.required(kVersion);
    if (!version)
        return false;
    const auto v = ObjectReader::checkInteger(sink, *version, kVersion, std::numeric_limits<qint64>::min(),
                                              std::numeric_limits<qint64>::max());
    if (!v)
        return false;
    if (*v > supportedVersion) {
        sink.add(kVersion, QStringLiteral("%1 is newer than this Neurorack understands (%2): the file was made by a "
                                          "newer Neurorack; update Neurorack to open it")
                               .arg(*v)
                               .arg(supportedVersion));
        return false;
    }
    if (*v < 1) {
        sink.add(kVersion, QStringLiteral("%1 is not a valid version (expected %2)").arg(*v).arg(supportedVersion));
        return false;
    }
    return true;
}

void readGrid(ObjectReader &doc, ErrorSink &sink)
{
    const auto value = doc.required(kGrid);
    if (!value)
        return;
    ObjectReader grid(sink, *value, doc.pathOf(kGrid));
    if (!grid.isValid())
        return;
    const auto rate = grid.integer(QStringLiteral("sample_rate"), 1, 1'000'000);
    if (rate && *rate != grid::kSampleRate)
        sink.add(grid.pathOf(QStringLiteral("sample_rate")),
                 QStringLiteral("%1 Hz is not supported (Neurorack curves are on a %2 Hz grid)").arg(*rate).arg(grid::kSampleRate));
    const auto hop = grid.integer(QStringLiteral("hop_length"), 1, 1'000'000);
    if (hop && *hop != grid::kHopLength)
        sink.add(grid.pathOf(QStringLiteral("hop_length")),
                 QStringLiteral("%1 is not supported (Neurorack curves use a hop of %2 samples)").arg(*hop).arg(grid::kHopLength));
    grid.finish();
}

QCborMap encodeGrid()
{
    return QCborMap{{QStringLiteral("sample_rate"), grid::kSampleRate}, {QStringLiteral("hop_length"), grid::kHopLength}};
}

std::optional<QStringList> readTags(ObjectReader &obj, ErrorSink &sink)
{
    const QString key = QStringLiteral("tags");
    const auto value = obj.required(key);
    if (!value)
        return std::nullopt;
    const QString path = obj.pathOf(key);
    if (!value->isArray()) {
        sink.add(path, QStringLiteral("expected an array of strings, got %1").arg(typeName(*value)));
        return std::nullopt;
    }
    const QCborArray array = value->toArray();
    if (array.size() > limits::kMaxTags) {
        sink.add(path, QStringLiteral("%1 tags, more than the %2 allowed").arg(array.size()).arg(limits::kMaxTags));
        return std::nullopt;
    }
    QStringList tags;
    bool ok = true;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QCborValue t = array.at(i);
        if (!t.isString()) {
            sink.add(at(path, i), QStringLiteral("expected a string, got %1").arg(typeName(t)));
            ok = false;
        } else if (t.toString().isEmpty() || t.toString().size() > limits::kMaxTagLength) {
            sink.add(at(path, i), QStringLiteral("tags have 1 to %1 characters").arg(limits::kMaxTagLength));
            ok = false;
        } else {
            tags << t.toString();
        }
    }
    return ok ? std::optional(tags) : std::nullopt;
}

std::optional<DescriptorCurves> readCurves(ObjectReader &preset, ErrorSink &sink, std::optional<double> duration)
{
    const QString key = QStringLiteral("curves");
    const auto value = preset.required(key);
    if (!value)
        return std::nullopt;
    ObjectReader curves(sink, *value, preset.pathOf(key));
    if (!curves.isValid())
        return std::nullopt;
    const qsizetype errorsBefore = sink.count();

    // First the shapes: seven arrays of one length.
    std::array<QCborArray, kDescriptorCount> arrays;
    qsizetype frames = -1;
    QString firstKey;
    for (const auto id : kAllDescriptors) {
        const auto &info = descriptor(id);
        const auto v = curves.required(info.keyString());
        if (!v)
            continue;
        if (!v->isArray()) {
            sink.add(curves.pathOf(info.keyString()), QStringLiteral("expected an array of numbers, got %1").arg(typeName(*v)));
            continue;
        }
        arrays[std::size_t(info.index())] = v->toArray();
        const qsizetype n = arrays[std::size_t(info.index())].size();
        if (frames < 0) {
            frames = n;
            firstKey = info.keyString();
        } else if (n != frames) {
            sink.add(curves.pathOf(info.keyString()),
                     QStringLiteral("%1 values, but %2 has %3: all curves must have the same length")
                         .arg(n)
                         .arg(curves.pathOf(firstKey))
                         .arg(frames));
        }
    }
    curves.finish();
    if (sink.count() != errorsBefore || frames < 0)
        return std::nullopt;
    if (frames < 1 || frames > grid::kMaxFrames) {
        sink.add(curves.path(), QStringLiteral("%1 frames; a preset has 1 to %2 frames (%3 s at %4 frames per second)")
                                    .arg(frames).arg(grid::kMaxFrames).arg(grid::kMaxDuration).arg(grid::kFrameRate));
        return std::nullopt;
    }
    if (duration && grid::framesForDuration(*duration) != frames) {
        sink.add(preset.pathOf(QStringLiteral("duration")),
                 QStringLiteral("%1 s needs %2 frames at %3 frames per second, but the curves have %4")
                     .arg(formatNumber(*duration))
                     .arg(grid::framesForDuration(*duration))
                     .arg(grid::kFrameRate)
                     .arg(frames));
        return std::nullopt;
    }

    // Then every value: report the first bad one of each curve and count the rest.
    DescriptorCurves out(static_cast<int>(frames));
    bool ok = true;
    for (const auto id : kAllDescriptors) {
        const auto &info = descriptor(id);
        const QCborArray &array = arrays[std::size_t(info.index())];
        const QString path = curves.pathOf(info.keyString());
        auto dst = out.curve(id);
        int bad = 0;
        ErrorSink scratch;
        for (qsizetype i = 0; i < frames; ++i) {
            const QCborValue v = array.at(i);
            if (id == DescriptorId::Pitch && v.isNull()) {
                dst[i] = DescriptorCurves::kUnvoiced;
                continue;
            }
            ErrorSink &target = bad == 0 ? sink : scratch;
            const auto d = ObjectReader::checkNumber(target, v, at(path, i), info.minimum, info.maximum, info.unitString());
            if (d)
                dst[i] = static_cast<float>(*d);
            else
                ++bad;
        }
        if (bad > 1)
            sink.add(path, QStringLiteral("%1 more invalid values in this curve").arg(bad - 1));
        ok = ok && bad == 0;
    }
    return ok ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<Preset> readPresetFields(ObjectReader &obj, ErrorSink &sink)
{
    const qsizetype errorsBefore = sink.count();
    Preset preset;
    const auto id = obj.id(QStringLiteral("id"));
    const auto name = obj.string(QStringLiteral("name"), 1, limits::kMaxNameLength);
    const auto tags = readTags(obj, sink);
    const auto duration = obj.number(QStringLiteral("duration"), grid::kMinDuration, grid::kMaxDuration, QStringLiteral("s"));

    if (const auto sourceValue = obj.required(QStringLiteral("source"))) {
        ObjectReader source(sink, *sourceValue, obj.pathOf(QStringLiteral("source")));
        if (source.isValid()) {
            if (const auto kind = source.string(QStringLiteral("kind"), 1, 32)) {
                if (const auto s = presetSourceFromKey(*kind))
                    preset.source = *s;
                else
                    sink.add(source.pathOf(QStringLiteral("kind")),
                             QStringLiteral("%1 is not a known source (expected drawn, analysed or generated)").arg(quoted(*kind)));
            }
            if (const auto detail = source.optionalString(QStringLiteral("detail"), limits::kMaxDetailLength))
                preset.sourceDetail = *detail;
            source.finish();
        }
    }
    auto curves = readCurves(obj, sink, duration);
    obj.finish();
    if (sink.count() != errorsBefore || !id || !name || !tags || !curves)
        return std::nullopt;
    preset.id = *id;
    preset.name = *name;
    preset.tags = *tags;
    preset.curves = std::move(*curves);
    return preset;
}

std::optional<std::pair<double, double>> readPair(ObjectReader &obj, ErrorSink &sink, const QString &key,
                                                  double minimum, double maximum, const QString &unit)
{
    const auto value = obj.required(key);
    if (!value)
        return std::nullopt;
    const QString path = obj.pathOf(key);
    if (!value->isArray() || value->toArray().size() != 2) {
        sink.add(path, QStringLiteral("expected an array of two numbers [low, high], got %1")
                           .arg(value->isArray() ? QStringLiteral("%1 values").arg(value->toArray().size()) : typeName(*value)));
        return std::nullopt;
    }
    const QCborArray array = value->toArray();
    const auto lo = ObjectReader::checkNumber(sink, array.at(0), at(path, 0), minimum, maximum, unit);
    const auto hi = ObjectReader::checkNumber(sink, array.at(1), at(path, 1), minimum, maximum, unit);
    if (!lo || !hi)
        return std::nullopt;
    return std::pair{*lo, *hi};
}

std::optional<CvInput> readCv(const QCborValue &value, const QString &path, ErrorSink &sink)
{
    ObjectReader obj(sink, value, path);
    if (!obj.isValid())
        return std::nullopt;
    const qsizetype errorsBefore = sink.count();
    CvInput cv;
    const auto targetKey = obj.string(QStringLiteral("target"), 1, 64);
    std::optional<CvTarget> target;
    if (targetKey) {
        target = cvTargetFromKey(*targetKey);
        if (!target)
            sink.add(obj.pathOf(QStringLiteral("target")), QStringLiteral("%1 is not a known target (expected one of: %2)")
                                                              .arg(quoted(*targetKey), cvTargetKeys().join(QStringLiteral(", "))));
    }
    if (!target) {
        obj.take(QStringLiteral("descriptor"));
        obj.take(QStringLiteral("volts"));
        obj.take(QStringLiteral("range"));
        obj.take(QStringLiteral("curve"));
        obj.take(QStringLiteral("smoothing_ms"));
        return std::nullopt;
    }
    cv.target = *target;

    const QString descriptorKey = QStringLiteral("descriptor");
    if (cvTargetHasDescriptor(cv.target)) {
        if (const auto d = obj.string(descriptorKey, 1, 64)) {
            if (const auto id = descriptorFromKey(*d))
                cv.descriptor = *id;
            else
                sink.add(obj.pathOf(descriptorKey), QStringLiteral("%1 is not a descriptor (expected one of: %2)")
                                                        .arg(quoted(*d), descriptorKeys().join(QStringLiteral(", "))));
        }
    } else if (obj.has(descriptorKey)) {
        obj.take(descriptorKey);
        sink.add(obj.pathOf(descriptorKey), QStringLiteral("not used by target %1").arg(quoted(*targetKey)));
    }

    if (const auto volts = readPair(obj, sink, QStringLiteral("volts"), CvInput::kMinVolts, CvInput::kMaxVolts, QStringLiteral("V"))) {
        if (volts->first >= volts->second)
            sink.add(obj.pathOf(QStringLiteral("volts")), QStringLiteral("the low end (%1 V) must be below the high end (%2 V)")
                                                              .arg(formatNumber(volts->first), formatNumber(volts->second)));
        cv.voltsLow = volts->first;
        cv.voltsHigh = volts->second;
    }

    const QString rangeKey = QStringLiteral("range");
    const bool rangeRequired = cv.target == CvTarget::DescriptorOffset || cv.target == CvTarget::DescriptorScale;
    if (cvTargetHasRange(cv.target)) {
        const auto [lo, hi] = cvTargetRangeLimits(cv.target, cv.descriptor);
        if (rangeRequired || obj.has(rangeKey)) {
            if (const auto range = readPair(obj, sink, rangeKey, lo, hi, QString())) {
                cv.rangeLow = range->first;
                cv.rangeHigh = range->second;
            }
        } else {
            obj.take(rangeKey);
            cv.rangeLow = lo;
            cv.rangeHigh = hi;
        }
    } else if (obj.has(rangeKey)) {
        obj.take(rangeKey);
        sink.add(obj.pathOf(rangeKey), QStringLiteral("not used by target %1").arg(quoted(*targetKey)));
    }

    if (const auto curve = obj.string(QStringLiteral("curve"), 1, 64)) {
        if (const auto c = responseCurveFromKey(*curve))
            cv.curve = *c;
        else
            sink.add(obj.pathOf(QStringLiteral("curve")), QStringLiteral("%1 is not a known curve (expected one of: %2)")
                                                              .arg(quoted(*curve), responseCurveKeys().join(QStringLiteral(", "))));
        if (cv.target == CvTarget::PitchVoct && cv.curve != ResponseCurve::Linear)
            sink.add(obj.pathOf(QStringLiteral("curve")), QStringLiteral("pitch_voct tracks 1 V/octave and must be linear"));
    }
    if (const auto smoothing = obj.number(QStringLiteral("smoothing_ms"), 0.0, CvInput::kMaxSmoothingMs, QStringLiteral("ms")))
        cv.smoothingMs = *smoothing;
    obj.finish();
    return sink.count() == errorsBefore ? std::optional(cv) : std::nullopt;
}

std::optional<GateInput> readGate(const QCborValue &value, const QString &path, ErrorSink &sink)
{
    ObjectReader obj(sink, value, path);
    if (!obj.isValid())
        return std::nullopt;
    const qsizetype errorsBefore = sink.count();
    GateInput gate;
    if (const auto action = obj.string(QStringLiteral("action"), 1, 64)) {
        if (const auto a = gateActionFromKey(*action))
            gate.action = *a;
        else
            sink.add(obj.pathOf(QStringLiteral("action")), QStringLiteral("%1 is not a known gate action (expected one of: %2)")
                                                              .arg(quoted(*action), gateActionKeys().join(QStringLiteral(", "))));
    }
    if (const auto t = obj.number(QStringLiteral("threshold"), CvInput::kMinVolts, CvInput::kMaxVolts, QStringLiteral("V")))
        gate.threshold = *t;
    if (const auto h = obj.number(QStringLiteral("hysteresis"), 0.0, GateInput::kMaxHysteresis, QStringLiteral("V")))
        gate.hysteresis = *h;
    obj.finish();
    return sink.count() == errorsBefore ? std::optional(gate) : std::nullopt;
}

template<typename T, std::size_t N, typename ReadOne>
bool readFixedArray(ObjectReader &obj, ErrorSink &sink, const QString &key, std::array<T, N> &out, const QString &what,
                    ReadOne readOne)
{
    const auto value = obj.required(key);
    if (!value)
        return false;
    const QString path = obj.pathOf(key);
    if (!value->isArray()) {
        sink.add(path, QStringLiteral("expected an array of %1 %2, got %3").arg(N).arg(what, typeName(*value)));
        return false;
    }
    const QCborArray array = value->toArray();
    if (std::size_t(array.size()) != N) {
        sink.add(path, QStringLiteral("%1 entries; the panel has exactly %2 %3").arg(array.size()).arg(N).arg(what));
        return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < N; ++i) {
        if (const auto item = readOne(array.at(qsizetype(i)), at(path, qsizetype(i)), sink))
            out[i] = *item;
        else
            ok = false;
    }
    return ok;
}

std::optional<Mapping> readMappingFields(ObjectReader &obj, ErrorSink &sink)
{
    const qsizetype errorsBefore = sink.count();
    Mapping mapping;
    const auto id = obj.id(QStringLiteral("id"));
    const auto name = obj.string(QStringLiteral("name"), 1, limits::kMaxNameLength);
    readFixedArray(obj, sink, QStringLiteral("cv"), mapping.cv, QStringLiteral("CV inputs"), readCv);
    readFixedArray(obj, sink, QStringLiteral("gates"), mapping.gates, QStringLiteral("gate inputs"), readGate);
    obj.finish();
    if (sink.count() != errorsBefore || !id || !name)
        return std::nullopt;
    mapping.id = *id;
    mapping.name = *name;
    return mapping;
}

QCborMap encodePresetFields(const Preset &preset)
{
    QCborMap map;
    map.insert(QStringLiteral("id"), preset.id);
    map.insert(QStringLiteral("name"), preset.name);
    map.insert(QStringLiteral("tags"), QCborArray::fromStringList(preset.tags));
    map.insert(QStringLiteral("duration"), preset.duration());
    map.insert(QStringLiteral("source"), QCborMap{{QStringLiteral("kind"), presetSourceKey(preset.source)},
                                                  {QStringLiteral("detail"), preset.sourceDetail}});
    QCborMap curves;
    for (const auto id : kAllDescriptors)
        curves.insert(descriptor(id).keyString(), DocumentCodec::encodeCurve(preset.curves.curve(id)));
    map.insert(QStringLiteral("curves"), curves);
    return map;
}

QCborMap encodeMappingFields(const Mapping &mapping)
{
    QCborMap map;
    map.insert(QStringLiteral("id"), mapping.id);
    map.insert(QStringLiteral("name"), mapping.name);
    QCborArray cvs;
    for (const auto &cv : mapping.cv) {
        QCborMap m;
        m.insert(QStringLiteral("target"), cvTargetKey(cv.target));
        if (cvTargetHasDescriptor(cv.target))
            m.insert(QStringLiteral("descriptor"), descriptor(cv.descriptor).keyString());
        m.insert(QStringLiteral("volts"), QCborArray{cv.voltsLow, cv.voltsHigh});
        if (cvTargetHasRange(cv.target))
            m.insert(QStringLiteral("range"), QCborArray{cv.rangeLow, cv.rangeHigh});
        m.insert(QStringLiteral("curve"), responseCurveKey(cv.curve));
        m.insert(QStringLiteral("smoothing_ms"), cv.smoothingMs);
        cvs.append(m);
    }
    map.insert(QStringLiteral("cv"), cvs);
    QCborArray gates;
    for (const auto &gate : mapping.gates) {
        gates.append(QCborMap{{QStringLiteral("action"), gateActionKey(gate.action)},
                              {QStringLiteral("threshold"), gate.threshold},
                              {QStringLiteral("hysteresis"), gate.hysteresis}});
    }
    map.insert(QStringLiteral("gates"), gates);
    return map;
}

QCborMap withHeader(DocumentKind kind, int version, const QCborMap &body, bool grid)
{
    QCborMap map;
    map.insert(kFormat, DocumentCodec::formatName(kind));
    map.insert(kVersion, version);
    if (grid)
        map.insert(kGrid, encodeGrid());
    for (auto it = body.constBegin(); it != body.constEnd(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

} // namespace

QCborArray DocumentCodec::encodeCurve(std::span<const float> values)
{
    QCborArray array;
    for (const float v : values)
        array.append(std::isnan(v) ? QCborValue(nullptr) : QCborValue(double(v)));
    return array;
}

QString DocumentCodec::formatName(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Bank:
        return QStringLiteral("neurorack.bank");
    case DocumentKind::Preset:
        return QStringLiteral("neurorack.preset");
    case DocumentKind::Mapping:
        return QStringLiteral("neurorack.mapping");
    }
    return {};
}

std::optional<DocumentKind> DocumentCodec::kindOf(const QCborValue &document)
{
    const QString format = document.toMap().value(kFormat).toString();
    for (const auto kind : {DocumentKind::Bank, DocumentKind::Preset, DocumentKind::Mapping}) {
        if (format == formatName(kind))
            return kind;
    }
    return std::nullopt;
}

QCborMap DocumentCodec::encodePreset(const Preset &preset, bool standalone)
{
    const QCborMap body = encodePresetFields(preset);
    return standalone ? withHeader(DocumentKind::Preset, kPresetVersion, body, true) : body;
}

QCborMap DocumentCodec::encodeMapping(const Mapping &mapping, bool standalone)
{
    const QCborMap body = encodeMappingFields(mapping);
    return standalone ? withHeader(DocumentKind::Mapping, kMappingVersion, body, false) : body;
}

QCborMap DocumentCodec::encodeBank(const Bank &bank)
{
    QCborMap map;
    map.insert(kFormat, formatName(DocumentKind::Bank));
    map.insert(kVersion, kBankVersion);
    map.insert(QStringLiteral("id"), bank.id());
    map.insert(QStringLiteral("name"), bank.name());
    if (!bank.description().isEmpty())
        map.insert(QStringLiteral("description"), bank.description());
    map.insert(kGrid, encodeGrid());
    if (const auto pair = bank.explicitMorphPair())
        map.insert(QStringLiteral("morph"), QCborMap{{QStringLiteral("a"), pair->a}, {QStringLiteral("b"), pair->b}});
    map.insert(QStringLiteral("mapping"), encodeMappingFields(bank.mapping()));
    QCborArray presets;
    for (int slot = 0; slot < bank.usedSlotCount(); ++slot) {
        const Preset *p = bank.preset(slot);
        presets.append(p ? QCborValue(encodePresetFields(*p)) : QCborValue(nullptr));
    }
    map.insert(QStringLiteral("presets"), presets);
    return map;
}

Result<Preset> DocumentCodec::decodePreset(const QCborValue &document)
{
    ErrorSink sink;
    ObjectReader doc(sink, document, QString());
    if (!doc.isValid() || !checkHeader(doc, sink, DocumentKind::Preset, kPresetVersion))
        return sink.take();
    readGrid(doc, sink);
    auto preset = readPresetFields(doc, sink);
    if (!preset || !sink.isEmpty())
        return sink.take();
    return std::move(*preset);
}

Result<Mapping> DocumentCodec::decodeMapping(const QCborValue &document)
{
    ErrorSink sink;
    ObjectReader doc(sink, document, QString());
    if (!doc.isValid() || !checkHeader(doc, sink, DocumentKind::Mapping, kMappingVersion))
        return sink.take();
    auto mapping = readMappingFields(doc, sink);
    if (!mapping || !sink.isEmpty())
        return sink.take();
    return std::move(*mapping);
}

Result<Bank> DocumentCodec::decodeBank(const QCborValue &document)
{
    ErrorSink sink;
    ObjectReader doc(sink, document, QString());
    if (!doc.isValid() || !checkHeader(doc, sink, DocumentKind::Bank, kBankVersion))
        return sink.take();
    Bank bank;
    if (const auto id = doc.id(QStringLiteral("id")))
        bank.setId(*id);
    if (const auto name = doc.string(QStringLiteral("name"), 1, limits::kMaxNameLength))
        bank.setName(*name);
    if (const auto description = doc.optionalString(QStringLiteral("description"), limits::kMaxDescriptionLength))
        bank.setDescription(*description);
    readGrid(doc, sink);

    if (const auto mappingValue = doc.required(QStringLiteral("mapping"))) {
        ObjectReader mapping(sink, *mappingValue, QStringLiteral("mapping"));
        if (mapping.isValid()) {
            if (const auto m = readMappingFields(mapping, sink))
                bank.setMapping(*m);
        }
    }

    if (const auto presetsValue = doc.required(QStringLiteral("presets"))) {
        const QString path = QStringLiteral("presets");
        if (!presetsValue->isArray()) {
            sink.add(path, QStringLiteral("expected an array of presets, got %1").arg(typeName(*presetsValue)));
        } else if (presetsValue->toArray().size() > Bank::kSlotCount) {
            sink.add(path, QStringLiteral("%1 entries, but a bank has at most %2 slots")
                               .arg(presetsValue->toArray().size()).arg(Bank::kSlotCount));
        } else {
            const QCborArray presets = presetsValue->toArray();
            QHash<QString, qsizetype> firstUse;
            for (qsizetype i = 0; i < presets.size(); ++i) {
                const QCborValue entry = presets.at(i);
                if (entry.isNull())
                    continue;
                ObjectReader obj(sink, entry, at(path, i));
                if (!obj.isValid())
                    continue;
                auto preset = readPresetFields(obj, sink);
                if (!preset)
                    continue;
                if (const auto previous = firstUse.constFind(preset->id); previous != firstUse.constEnd()) {
                    sink.add(join(at(path, i), QStringLiteral("id")), QStringLiteral("%1 is already used by %2")
                                                                       .arg(quoted(preset->id), at(path, *previous)));
                    continue;
                }
                firstUse.insert(preset->id, i);
                bank.setPreset(int(i), *preset);
            }
        }
    }

    if (doc.has(QStringLiteral("morph"))) {
        ObjectReader morph(sink, doc.take(QStringLiteral("morph")), QStringLiteral("morph"));
        if (morph.isValid()) {
            const auto a = morph.integer(QStringLiteral("a"), 0, Bank::kSlotCount - 1);
            const auto b = morph.integer(QStringLiteral("b"), 0, Bank::kSlotCount - 1);
            morph.finish();
            for (const auto &[slot, key] : {std::pair{a, QStringLiteral("a")}, std::pair{b, QStringLiteral("b")}}) {
                if (slot && sink.isEmpty() && !bank.preset(int(*slot)))
                    sink.add(morph.pathOf(key), QStringLiteral("slot %1 is empty: the morph needs two presets").arg(*slot));
            }
            if (a && b)
                bank.setMorphPair(Bank::MorphPair{int(*a), int(*b)});
        }
    } else {
        doc.take(QStringLiteral("morph"));
    }
    doc.finish();
    if (!sink.isEmpty())
        return sink.take();
    return bank;
}

} // namespace neurorack
