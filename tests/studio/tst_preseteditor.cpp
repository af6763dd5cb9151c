// SPDX-License-Identifier: GPL-3.0-or-later
// The preset editor panel: dragging breakpoints (one undo gesture, the curve changed
// between the neighbouring handles only), offset and scale, axes in musical units,
// unvoiced gaps, From sample by drag and drop, bad files, Randomize and Vary, name and
// tags validation, setPreset() in the middle of a drag, and a screenshot.
#include "curveeditview.h"
#include "preseteditor.h"
#include "presetgenerator.h"

#include "analysis/descriptoranalyzer.h"
#include "audio/audiofile.h"
#include "model/factory.h"
#include "model/framegrid.h"

#include <QCategoryAxis>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QFile>
#include <QLineEdit>
#include <QLineSeries>
#include <QMimeData>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace neurorack;
using namespace neurorack::studio;

namespace {

constexpr int kAnalysisTimeoutMs = 20000;
constexpr int kSlot = 4;

struct Edit {
    int slot = -1;
    Preset preset;
    QString actionText;
    int mergeId = -1;
};

Edit editAt(const QSignalSpy &spy, qsizetype i)
{
    const QList<QVariant> &args = spy.at(i);
    return {args.at(0).toInt(), args.at(1).value<Preset>(), args.at(2).toString(), args.at(3).toInt()};
}

Preset factoryPreset(int slot)
{
    const auto bank = Factory::bank();
    Q_ASSERT(bank.ok() && bank->preset(slot));
    return *bank->preset(slot);
}

// A preset whose pitch is voiced on frames 0–49 and 100–149 only.
Preset presetWithGaps()
{
    Preset p = PresetGenerator::drawnTemplate();
    auto pitch = p.curves.curve(DescriptorId::Pitch);
    for (int i = 0; i < p.curves.frameCount(); ++i)
        pitch[std::size_t(i)] = (i < 50 || (i >= 100 && i < 150)) ? float(220.0 * (1.0 + i / 400.0)) : DescriptorCurves::kUnvoiced;
    return p;
}

// A decaying 220 Hz tone with a noisy attack, 0.6 s at 48 kHz.
std::vector<float> testTone()
{
    std::vector<float> samples(std::size_t(0.6 * grid::kSampleRate));
    quint32 noise = 12345;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const double t = double(i) / grid::kSampleRate;
        noise = noise * 1664525u + 1013904223u;
        const double white = double(noise) / 4294967296.0 * 2.0 - 1.0;
        samples[i] = float(0.6 * std::exp(-t * 5.0) * std::sin(2 * std::numbers::pi * 220.0 * t)
                           + 0.3 * std::exp(-t * 60.0) * white);
    }
    return samples;
}

void dropFile(QWidget *target, const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

void settle()
{
    QTest::qWait(30);
}

} // namespace

class tst_PresetEditor : public QObject
{
    Q_OBJECT

private:
    struct Shown {
        std::unique_ptr<PresetEditor> editor;
        CurveEditView *view = nullptr;
    };

    static Shown showEditor(const Preset *preset, DescriptorId id)
    {
        Shown s;
        s.editor = std::make_unique<PresetEditor>();
        s.editor->resize(1000, 640);
        s.editor->setPreset(preset, kSlot);
        s.editor->setCurrentDescriptor(id);
        s.editor->show();
        if (!QTest::qWaitForWindowExposed(s.editor.get()))
            qWarning("window not exposed");
        s.view = s.editor->curveView();
        settle();
        return s;
    }

    // A regular handle well inside the curve, with both neighbours and every frame
    // between them usable for @p id.
    static int middleHandle(const CurveEditView *view, DescriptorId id)
    {
        const QList<int> frames = view->handleFrames();
        const int spacing = view->handleSpacing();
        const auto &curves = view->curves();
        for (qsizetype i = frames.size() / 3; i < frames.size(); ++i) {
            const int f = frames[i];
            if (f - spacing < 0 || f + spacing >= curves.frameCount() - 1)
                continue;
            bool ok = true;
            for (int j = f - spacing; j <= f + spacing; ++j)
                ok = ok && !std::isnan(curves.value(id, j));
            // Room to move up: not already at the top of the range.
            if (ok && curves.value(id, f) < descriptor(id).maximum * 0.9)
                return f;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Preset>("neurorack::Preset");
    }

    void dragMovesTheCurveBetweenNeighbours_data()
    {
        QTest::addColumn<int>("descriptorIndex");
        QTest::addColumn<bool>("factory");
        QTest::addRow("loudness of a kick") << int(DescriptorId::Loudness) << true;
        QTest::addRow("brightness of a kick") << int(DescriptorId::Brightness) << true;
        QTest::addRow("noisiness of a kick") << int(DescriptorId::Noisiness) << true;
        QTest::addRow("pitch of a tone") << int(DescriptorId::Pitch) << false;
    }

    void dragMovesTheCurveBetweenNeighbours()
    {
        QFETCH(int, descriptorIndex);
        QFETCH(bool, factory);
        const DescriptorId id = descriptorAt(descriptorIndex).id;
        const Preset base = factory ? factoryPreset(0) : PresetGenerator::drawnTemplate();
        auto [editor, view] = showEditor(&base, id);
        QCOMPARE(editor->currentDescriptor(), id);

        const int h = middleHandle(view, id);
        QVERIFY2(h >= 0, "no handle to drag");
        const int spacing = view->handleSpacing();
        QVERIFY(spacing >= 5 && spacing <= 20); // about every 50 ms for a 1 s preset
        const int left = h - spacing;
        const int right = h + spacing;

        QSignalSpy spy(editor.get(), &PresetEditor::presetEdited);
        const QPoint start = view->handlePosition(h);
        QWidget *viewport = view->viewport();
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, start);
        QVERIFY(view->isDragging());
        QPoint end = start;
        for (int step = 1; step <= 4; ++step) {
            end = start - QPoint(0, 10 * step);
            QTest::mouseMove(viewport, end);
        }
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, end);
        QVERIFY(!view->isDragging());

        QCOMPARE(spy.count(), 4);
        const int mergeId = editAt(spy, 0).mergeId;
        QVERIFY(mergeId != -1);
        for (qsizetype i = 0; i < spy.count(); ++i) {
            const Edit e = editAt(spy, i);
            QCOMPARE(e.slot, kSlot);
            QCOMPARE(e.mergeId, mergeId);
            QCOMPARE(e.actionText, PresetEditor::tr("Drag %1").arg(descriptor(id).translatedName()));
        }
        const Preset edited = editAt(spy, spy.count() - 1).preset;
        QCOMPARE(edited.name, base.name);
        QCOMPARE(edited.curves.frameCount(), base.curves.frameCount());
        for (const auto other : kAllDescriptors) {
            const auto before = base.curves.curve(other);
            const auto after = edited.curves.curve(other);
            for (int i = 0; i < base.curves.frameCount(); ++i) {
                const bool inside = other == id && i > left && i < right;
                const float a = before[std::size_t(i)];
                const float b = after[std::size_t(i)];
                if (!inside) {
                    QVERIFY2(a == b || (std::isnan(a) && std::isnan(b)),
                             qPrintable(QStringLiteral("%1 frame %2 changed").arg(descriptor(other).keyString()).arg(i)));
                } else {
                    QVERIFY2(b > a, qPrintable(QStringLiteral("frame %1 did not move up").arg(i)));
                    QVERIFY(descriptor(id).contains(b));
                }
            }
        }
        // Tent-shaped: the handle moved most, its neighbours' halves half as much.
        const double moved = CurveEditView::toDisplay(id, edited.curves.value(id, h))
                           - CurveEditView::toDisplay(id, base.curves.value(id, h));
        const int half = h + spacing / 2;
        const double halfMoved = CurveEditView::toDisplay(id, edited.curves.value(id, half))
                               - CurveEditView::toDisplay(id, base.curves.value(id, half));
        const double expectedHalf = moved * (1.0 - double(spacing / 2) / spacing);
        if (descriptor(id).contains(CurveEditView::fromDisplay(id, CurveEditView::toDisplay(id, base.curves.value(id, half)) + expectedHalf) * 1.0001))
            QVERIFY2(std::abs(halfMoved - expectedHalf) < 1e-3 * std::max(1.0, std::abs(moved)),
                     qPrintable(QStringLiteral("half way moved %1, expected %2").arg(halfMoved).arg(expectedHalf)));
        // The handle ends under the mouse (unless the range clamped it).
        editor->setPreset(&edited, kSlot);
        settle();
        const QPoint now = view->handlePosition(h);
        if (descriptor(id).maximum > edited.curves.value(id, h))
            QVERIFY2((now - end).manhattanLength() <= 2,
                     qPrintable(QStringLiteral("handle at %1,%2, mouse at %3,%4").arg(now.x()).arg(now.y()).arg(end.x()).arg(end.y())));

        // A second gesture is a second undo step.
        spy.clear();
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, now);
        QTest::mouseMove(viewport, now + QPoint(0, 15));
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, now + QPoint(0, 15));
        QCOMPARE(spy.count(), 1);
        QVERIFY(editAt(spy, 0).mergeId != mergeId);
        QVERIFY(editAt(spy, 0).mergeId != -1);
    }

    void pressAwayFromHandlesDoesNothing()
    {
        const Preset base = factoryPreset(0);
        auto [editor, view] = showEditor(&base, DescriptorId::Loudness);
        QSignalSpy spy(editor.get(), &PresetEditor::presetEdited);
        const int h = view->handleFrames().at(3);
        const QPoint away = view->handlePosition(h) + QPoint(0, 3 * CurveEditView::kHandleGrabRadius);
        QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, away);
        QTest::mouseMove(view->viewport(), away - QPoint(0, 40));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, away - QPoint(0, 40));
        QVERIFY(!view->isDragging());
        QCOMPARE(spy.count(), 0);
        QCOMPARE(*editor->preset(), base);
    }

    void escapePutsTheCurveBack()
    {
        const Preset base = factoryPreset(0);
        auto [editor, view] = showEditor(&base, DescriptorId::Loudness);
        QSignalSpy spy(editor.get(), &PresetEditor::presetEdited);
        const int h = middleHandle(view, DescriptorId::Loudness);
        const QPoint start = view->handlePosition(h);
        QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, start);
        QTest::mouseMove(view->viewport(), start - QPoint(0, 30));
        QTest::keyClick(view, Qt::Key_Escape);
        QVERIFY(!view->isDragging());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(editAt(spy, 1).mergeId, editAt(spy, 0).mergeId); // merges into nothing
        QCOMPARE(editAt(spy, 1).preset, base);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, start - QPoint(0, 30));
        QCOMPARE(spy.count(), 2);
    }

    void setPresetDuringDragKeepsState()
    {
        const Preset base = factoryPreset(0);
        auto [editor, view] = showEditor(&base, DescriptorId::Brightness);
        view->setTimeRange(0.1, 0.6);
        settle();
        QVERIFY(view->isZoomed());
        const double from = view->visibleFrom();
        const double to = view->visibleTo();
        const QString axisTitle = view->valueAxis()->titleText();
        const double axisMax = view->valueAxis()->max();

        // What the lead's undo command does: put the edit in the bank, show it again.
        Preset bankCopy = base;
        int echoes = 0;
        connect(editor.get(), &PresetEditor::presetEdited, editor.get(),
                [&](int slot, const Preset &preset, const QString &, int) {
                    bankCopy = preset;
                    editor->setPreset(&bankCopy, slot);
                    ++echoes;
                });
        QSignalSpy spy(editor.get(), &PresetEditor::presetEdited);

        const int h = middleHandle(view, DescriptorId::Brightness);
        QVERIFY(h >= 0);
        const QPoint start = view->handlePosition(h);
        QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, start);
        QTest::mouseMove(view->viewport(), start - QPoint(0, 20));
        QVERIFY(view->isDragging());
        QTest::mouseMove(view->viewport(), start - QPoint(0, 35));
        // Another version of the same slot arrives mid-drag (renamed elsewhere).
        Preset renamed = bankCopy;
        renamed.name = QStringLiteral("Renamed mid-drag");
        editor->setPreset(&renamed, kSlot);
        QVERIFY(view->isDragging());
        QTest::mouseMove(view->viewport(), start - QPoint(0, 50));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, start - QPoint(0, 50));

        QCOMPARE(echoes, 3);
        QCOMPARE(spy.count(), 3);
        QCOMPARE(editAt(spy, 0).mergeId, editAt(spy, 2).mergeId);
        QCOMPARE(editor->currentDescriptor(), DescriptorId::Brightness);
        QCOMPARE(view->descriptorId(), DescriptorId::Brightness);
        QCOMPARE(view->visibleFrom(), from);
        QCOMPARE(view->visibleTo(), to);
        QCOMPARE(view->valueAxis()->titleText(), axisTitle);
        QVERIFY(view->valueAxis()->max() >= axisMax);
        const Preset last = editAt(spy, 2).preset;
        QCOMPARE(last.name, QStringLiteral("Renamed mid-drag"));

        // Not compounded: the last curve is the original one moved once by the last delta.
        std::vector<float> expected(base.curves.curve(DescriptorId::Brightness).begin(),
                                    base.curves.curve(DescriptorId::Brightness).end());
        const double delta = last.curves.value(DescriptorId::Brightness, h) - base.curves.value(DescriptorId::Brightness, h);
        const int spacing = view->handleSpacing();
        CurveEditView::applyTent(expected, DescriptorId::Brightness, h, h - spacing, h + spacing, delta);
        for (int i = 0; i < base.curves.frameCount(); ++i)
            QVERIFY(std::abs(expected[std::size_t(i)] - last.curves.value(DescriptorId::Brightness, i)) < 0.5f);
    }

    void offsetAndScale_data()
    {
        QTest::addColumn<int>("descriptorIndex");
        QTest::addColumn<double>("offset");
        QTest::addColumn<double>("scale");
        QTest::addRow("loudness +6 dB") << int(DescriptorId::Loudness) << 6.0 << 1.0;
        QTest::addRow("loudness dynamics x0.5") << int(DescriptorId::Loudness) << 0.0 << 0.5;
        QTest::addRow("pitch up an octave") << int(DescriptorId::Pitch) << 12.0 << 1.0;
        QTest::addRow("brightness x1.5") << int(DescriptorId::Brightness) << 0.0 << 1.5;
        QTest::addRow("noisiness +0.1") << int(DescriptorId::Noisiness) << 0.1 << 1.0;
    }

    void offsetAndScale()
    {
        QFETCH(int, descriptorIndex);
        QFETCH(double, offset);
        QFETCH(double, scale);
        const DescriptorId id = descriptorAt(descriptorIndex).id;
        const Preset base = PresetGenerator::drawnTemplate();
        auto [editor, view] = showEditor(&base, id);
        auto *offsetSpin = editor->findChild<QDoubleSpinBox *>(QStringLiteral("offset"));
        auto *scaleSpin = editor->findChild<QDoubleSpinBox *>(QStringLiteral("scale"));
        QVERIFY(offsetSpin && scaleSpin);
        QSignalSpy spy(editor.get(), &PresetEditor::presetEdited);

        offsetSpin->setValue(offset);
        scaleSpin->setValue(scale);
        QVERIFY(spy.count() >= 1);
        DescriptorCurves expected = base.curves;
        expected.applyOffsetScale(id, offset, scale);
        const Edit e = editAt(spy, spy.count() - 1);
        QCOMPARE(e.preset.curves, expected);
        QCOMPARE(view->curves(), expected);
        QVERIFY(e.mergeId != -1);

        // Steps of one spin box: one gesture, computed from the same base (not compounded).
        spy.clear();
        QSignalSpy merged(editor.get(), &PresetEditor::presetEdited);
        offsetSpin->stepBy(1);
        offsetSpin->stepBy(1);
        QCOMPARE(merged.count(), 2);
        QCOMPARE(editAt(merged, 0).mergeId, editAt(merged, 1).mergeId);
        QVERIFY(editAt(merged, 0).actionText.startsWith(PresetEditor::tr("Offset %1").arg(QString()).trimmed()));
        DescriptorCurves stepped = base.curves;
        stepped.applyOffsetScale(id, offsetSpin->value(), scaleSpin->value());
        QCOMPARE(editAt(merged, 1).preset.curves, stepped);

        // Another descriptor starts over from the edited curves.
        editor->setCurrentDescriptor(id == DescriptorId::Loudness ? DescriptorId::Tonality : DescriptorId::Loudness);
        QCOMPARE(offsetSpin->value(), 0.0);
        QCOMPARE(scaleSpin->value(), 1.0);
    }

    void pitchAxisShowsNotes()
    {
        const Preset base = PresetGenerator::drawnTemplate();
        auto [editor, view] = showEditor(&base, DescriptorId::Pitch);
        auto *axis = qobject_cast<QCategoryAxis *>(view->valueAxis());
        QVERIFY(axis);
        QVERIFY(axis->isVisible());
        const QStringList labels = axis->categoriesLabels();
        QVERIFY(labels.size() >= 2);
        for (const QString &label : labels) {
            const auto midi = convert::parseNoteName(label);
            QVERIFY2(midi, qPrintable(label));
            QCOMPARE(axis->endValue(label), double(*midi));
        }
        // The tone glides from E3 down to A2: two octaves around it, C3 in the middle.
        QVERIFY(labels.contains(QStringLiteral("C3")));
        QVERIFY(axis->max() - axis->min() >= CurveEditView::kMinPitchSpanSemitones);
        // The curve is drawn on the MIDI scale.
        const QList<QPointF> points = view->curveSeries().at(0)->points();
        QVERIFY(!points.isEmpty());
        const int frame = int(std::lround(points.at(20).x() * grid::kFrameRate));
        QCOMPARE(points.at(20).y(), convert::hzToMidi(base.curves.value(DescriptorId::Pitch, frame)));
        QVERIFY(axis->min() <= convert::hzToMidi(110.0) && axis->max() >= convert::hzToMidi(165.0));
    }

    void loudnessAxisInDb()
    {
        const Preset base = factoryPreset(0);
        auto [editor, view] = showEditor(&base, DescriptorId::Loudness);
        QValueAxis *axis = view->valueAxis();
        QVERIFY(!qobject_cast<QCategoryAxis *>(axis));
        QVERIFY(axis->titleText().contains(QStringLiteral("LUFS")));
        QCOMPARE(axis->min(), descriptor(DescriptorId::Loudness).minimum);
        QCOMPARE(axis->max(), descriptor(DescriptorId::Loudness).maximum);
        const QList<QPointF> points = view->curveSeries().at(0)->points();
        QCOMPARE(points.size(), base.curves.frameCount());
        for (int i = 0; i < points.size(); i += 17)
            QCOMPARE(points.at(i).y(), double(base.curves.value(DescriptorId::Loudness, i)));
        // Brightness is in Hz, with the curve's peak inside the axis.
        editor->setCurrentDescriptor(DescriptorId::Brightness);
        QVERIFY(view->valueAxis()->titleText().contains(QStringLiteral("Hz")));
        const auto brightness = base.curves.curve(DescriptorId::Brightness);
        QVERIFY(view->valueAxis()->max() >= *std::ranges::max_element(brightness));
    }

    void unvoicedFramesAreGaps()
    {
        const Preset base = presetWithGaps();
        auto [editor, view] = showEditor(&base, DescriptorId::Pitch);
        int drawn = 0;
        int nonEmpty = 0;
        for (QLineSeries *series : view->curveSeries()) {
            const QList<QPointF> points = series->points();
            nonEmpty += points.isEmpty() ? 0 : 1;
            drawn += int(points.size());
            for (const QPointF &p : points) {
                const int frame = int(std::lround(p.x() * grid::kFrameRate));
                QVERIFY2(base.curves.isVoiced(frame), qPrintable(QStringLiteral("unvoiced frame %1 drawn").arg(frame)));
            }
        }
        QCOMPARE(nonEmpty, 2);
        QCOMPARE(drawn, 100);
        const QList<int> handles = view->handleFrames();
        QVERIFY(!handles.isEmpty());
        for (const int f : handles)
            QVERIFY(base.curves.isVoiced(f));
        QCOMPARE(view->handleSeries()->count(), handles.size());
    }

    void droppedWavIsAnalysed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("snare hit.wav"));
        QCOMPARE(AudioFile::write(path, testTone(), SampleFormat::Pcm24), QString());
        PresetEditor editor;
        editor.setPreset(nullptr, kSlot);
        QSignalSpy spy(&editor, &PresetEditor::presetEdited);
        QSignalSpy errors(&editor, &PresetEditor::errorOccurred);
        dropFile(&editor, path);
        QVERIFY(editor.isBusy());
        QVERIFY(spy.wait(kAnalysisTimeoutMs));
        QCOMPARE(errors.count(), 0);
        QVERIFY(!editor.isBusy());
        const Edit e = editAt(spy, 0);
        QCOMPARE(e.slot, kSlot);
        QCOMPARE(e.mergeId, -1);
        QCOMPARE(e.preset.source, PresetSource::Analysed);
        QCOMPARE(e.preset.sourceDetail, QStringLiteral("snare hit.wav"));
        QCOMPARE(e.preset.name, QStringLiteral("snare hit"));
        QVERIFY(limits::isValidId(e.preset.id));
        // Exactly what the core analyzer says of the file.
        const auto clip = AudioFile::read(path);
        QVERIFY(clip.ok());
        DescriptorAnalyzer analyzer;
        QCOMPARE(e.preset.curves, analyzer.analyze(clip->samples));
        // And it is the tone: A3 = 220 Hz in the voiced middle.
        const float hz = e.preset.curves.value(DescriptorId::Pitch, e.preset.curves.frameCount() / 3);
        QVERIFY2(std::abs(convert::centsBetween(220.0, hz)) < 50.0, qPrintable(QString::number(hz)));
        QVERIFY(editor.preset());
        QCOMPARE(*editor.preset(), e.preset);
    }

    void badFileGivesAnError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("expected");
        QTest::addRow("text named .wav") << QByteArray("this is not audio at all\n") << QStringLiteral("broken.wav")
                                         << QStringLiteral("broken.wav");
        QTest::addRow("empty file") << QByteArray() << QStringLiteral("empty.flac") << QStringLiteral("empty.flac");
        QTest::addRow("missing file") << QByteArray("-") << QStringLiteral("missing.wav") << QStringLiteral("missing.wav");
        QTest::addRow("too short") << QByteArray("short") << QStringLiteral("click.wav") << QStringLiteral("shorter");
    }

    void badFileGivesAnError()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, fileName);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(fileName);
        if (content == "short") {
            QCOMPARE(AudioFile::write(path, std::vector<float>(200, 0.5f)), QString()); // 4 ms
        } else if (content != "-") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const Preset base = factoryPreset(0);
        PresetEditor editor;
        editor.setPreset(&base, kSlot);
        QSignalSpy spy(&editor, &PresetEditor::presetEdited);
        QSignalSpy errors(&editor, &PresetEditor::errorOccurred);
        if (content == "-")
            editor.loadSample(path);
        else
            dropFile(&editor, path);
        QVERIFY(errors.wait(kAnalysisTimeoutMs));
        QCOMPARE(spy.count(), 0);
        const QString message = errors.at(0).at(0).toString();
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(editor.message(), message);
        QCOMPARE(*editor.preset(), base); // nothing changed
        QVERIFY(!editor.isBusy());
    }

    void dropNeedsALocalFile()
    {
        PresetEditor editor;
        editor.setPreset(nullptr, kSlot);
        QMimeData mime;
        mime.setText(QStringLiteral("just text"));
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&editor, &enter);
        QVERIFY(!enter.isAccepted());
    }

    void randomizeGivesPlausibleCurves_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addRow("seed 1") << 1u;
        QTest::addRow("seed 2024") << 2024u;
        QTest::addRow("seed 4000000000") << 4000000000u;
    }

    void randomizeGivesPlausibleCurves()
    {
        QFETCH(quint32, seed);
        PresetEditor editor;
        editor.setPreset(nullptr, kSlot);
        QSignalSpy spy(&editor, &PresetEditor::presetEdited);
        editor.randomizeWithSeed(seed);
        QVERIFY(spy.wait(kAnalysisTimeoutMs));
        const Edit e = editAt(spy, 0);
        QVERIFY(e.actionText.contains(QString::number(seed)));
        QVERIFY(editor.message().contains(QString::number(seed)));
        QCOMPARE(e.preset.source, PresetSource::Generated);
        QVERIFY(e.preset.sourceDetail.contains(QString::number(seed)));
        QVERIFY(e.preset.curves.frameCount() >= grid::framesForDuration(grid::kMinDuration));
        QVERIFY(e.preset.curves.frameCount() <= grid::kMaxFrames);
        QVERIFY(!e.preset.name.isEmpty() && e.preset.name.size() <= limits::kMaxNameLength);
        QVERIFY(limits::isValidId(e.preset.id));
        for (const auto id : kAllDescriptors) {
            for (const float v : e.preset.curves.curve(id)) {
                if (id == DescriptorId::Pitch && std::isnan(v))
                    continue;
                QVERIFY2(descriptor(id).contains(v), qPrintable(descriptor(id).formatValue(v)));
            }
        }
        // An impact: loud at first, quieter at the end.
        const auto loudness = e.preset.curves.curve(DescriptorId::Loudness);
        QVERIFY(*std::ranges::max_element(loudness) > loudness.back() + 6.0f);
        // The seed makes it: again gives the same, another seed something else.
        QCOMPARE(PresetGenerator::randomImpact(seed), e.preset);
        QVERIFY(!(PresetGenerator::randomImpact(seed + 1).curves == e.preset.curves));
    }

    void randomizeWithAFreshSeed()
    {
        const Preset base = factoryPreset(0);
        PresetEditor editor;
        editor.setPreset(&base, kSlot);
        QSignalSpy spy(&editor, &PresetEditor::presetEdited);
        editor.randomize();
        QVERIFY(spy.wait(kAnalysisTimeoutMs));
        const Edit e = editAt(spy, 0);
        QVERIFY(e.actionText.startsWith(PresetEditor::tr("Randomize (seed %1)").section(QLatin1Char('%'), 0, 0)));
        QVERIFY(!(e.preset.curves == base.curves));
    }

    void varyStaysClose_data()
    {
        QTest::addColumn<int>("slot");
        QTest::addColumn<quint32>("seed");
        for (const int slot : {0, 3, 9}) {
            for (const quint32 seed : {7u, 99u})
                QTest::addRow("factory slot %d, seed %u", slot, seed) << slot << seed;
        }
    }

    void varyStaysClose()
    {
        QFETCH(int, slot);
        QFETCH(quint32, seed);
        const Preset base = factoryPreset(slot);
        PresetEditor editor;
        editor.setPreset(&base, kSlot);
        QSignalSpy spy(&editor, &PresetEditor::presetEdited);
        editor.varyWithSeed(seed);
        QCOMPARE(spy.count(), 1);
        const Edit e = editAt(spy, 0);
        QVERIFY(e.actionText.contains(QString::number(seed)));
        const Preset &v = e.preset;
        QCOMPARE(v.name, base.name);
        QCOMPARE(v.id, base.id);
        QVERIFY(!(v.curves == base.curves));
        const double stretch = double(v.curves.frameCount()) / base.curves.frameCount();
        QVERIFY2(std::abs(stretch - 1.0) <= PresetGenerator::kVaryStretch + 0.01, qPrintable(QString::number(stretch)));
        // Back on the original grid, every curve is near the original one.
        const DescriptorCurves back = v.curves.resampled(base.curves.frameCount());
        auto mean = [](std::span<const float> values) {
            double sum = 0;
            int n = 0;
            for (const float x : values) {
                if (!std::isnan(x)) {
                    sum += x;
                    ++n;
                }
            }
            return n ? sum / n : 0.0;
        };
        for (const auto id : kAllDescriptors) {
            const auto &info = descriptor(id);
            for (const float x : v.curves.curve(id))
                QVERIFY(std::isnan(x) ? id == DescriptorId::Pitch : info.contains(x));
            const double a = mean(base.curves.curve(id));
            const double b = mean(back.curve(id));
            double tolerance = 0.0;
            switch (id) {
            case DescriptorId::Loudness: {
                const double peak = *std::ranges::max_element(base.curves.curve(id));
                tolerance = PresetGenerator::kVaryLoudnessDb + PresetGenerator::kVaryScale * (peak - a) + 1.0;
                break;
            }
            case DescriptorId::Pitch:
                if (a > 0 && b > 0)
                    QVERIFY2(std::abs(convert::centsBetween(a, b)) < 100.0 * PresetGenerator::kVaryPitchSemitones + 30.0,
                             qPrintable(QStringLiteral("%1 → %2 Hz").arg(a).arg(b)));
                continue;
            case DescriptorId::Richness:
            case DescriptorId::Brightness:
                tolerance = a * (PresetGenerator::kVaryScale + 0.05);
                break;
            default:
                tolerance = PresetGenerator::kVaryUnitOffset + PresetGenerator::kVaryScale * a + 0.03;
                break;
            }
            QVERIFY2(std::abs(a - b) <= tolerance,
                     qPrintable(QStringLiteral("%1: mean %2 → %3").arg(info.keyString()).arg(a).arg(b)));
        }
    }

    void emptySlotOffersAddPreset()
    {
        PresetEditor editor;
        editor.setPreset(nullptr, 17);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *add = editor.findChild<QPushButton *>(QStringLiteral("addPreset"));
        QVERIFY(add && add->isVisible());
        QVERIFY(!editor.curveView()->isVisible());
        QSignalSpy spy(&editor, &PresetEditor::presetEdited);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        const Edit e = editAt(spy, 0);
        QCOMPARE(e.slot, 17);
        QCOMPARE(e.preset.source, PresetSource::Drawn);
        QVERIFY(e.preset.curves.frameCount() > 0);
        QVERIFY(editor.curveView()->isVisible());
        QVERIFY(!add->isVisible());
        // Back to empty (an undo): the hint again.
        editor.setPreset(nullptr, 17);
        QVERIFY(add->isVisible());
        QVERIFY(!editor.preset());
    }

    void nameAndTagsAreValidated()
    {
        const Preset base = factoryPreset(0);
        PresetEditor editor;
        editor.setPreset(&base, kSlot);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *name = editor.findChild<QLineEdit *>(QStringLiteral("name"));
        auto *tags = editor.findChild<QLineEdit *>(QStringLiteral("tags"));
        QVERIFY(name && tags);
        QCOMPARE(name->text(), base.name);
        QCOMPARE(name->maxLength(), limits::kMaxNameLength);
        QSignalSpy spy(&editor, &PresetEditor::presetEdited);
        QSignalSpy errors(&editor, &PresetEditor::errorOccurred);

        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("  Deeper Kick "));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(editAt(spy, 0).preset.name, QStringLiteral("Deeper Kick"));
        QCOMPARE(editAt(spy, 0).preset.id, base.id);
        QCOMPARE(editAt(spy, 0).mergeId, -1);

        name->selectAll();
        QTest::keyClick(name, Qt::Key_Delete);
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(errors.count(), 1);

        tags->setFocus();
        tags->setText(QStringLiteral("kick, deep , kick,,sub"));
        QTest::keyClick(tags, Qt::Key_Return);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(editAt(spy, 1).preset.tags, (QStringList{QStringLiteral("kick"), QStringLiteral("deep"), QStringLiteral("sub")}));

        QStringList many;
        for (int i = 0; i <= limits::kMaxTags; ++i)
            many << QStringLiteral("t%1").arg(i);
        tags->setText(many.join(QLatin1Char(',')));
        QTest::keyClick(tags, Qt::Key_Return);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(errors.count(), 2);
        tags->setText(QString(limits::kMaxTagLength + 1, QLatin1Char('x')));
        QTest::keyClick(tags, Qt::Key_Return);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(errors.count(), 3);
        QVERIFY(editor.message().contains(QString::number(limits::kMaxTagLength)));
    }

    void wheelZoomsInTime()
    {
        const Preset base = factoryPreset(0);
        auto [editor, view] = showEditor(&base, DescriptorId::Loudness);
        const int spacing = view->handleSpacing();
        QVERIFY(!view->isZoomed());
        const QPoint at = view->viewportPosition(0.3, -30.0);
        QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 3 * 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(view->isZoomed());
        QVERIFY(view->visibleFrom() < 0.3 && view->visibleTo() > 0.3);
        QVERIFY(view->visibleTo() - view->visibleFrom() < 0.6);
        QVERIFY(view->handleSpacing() < spacing); // finer handles when zoomed in
        // The same preset set again keeps the zoom.
        Preset renamed = base;
        renamed.name = QStringLiteral("x");
        const double from = view->visibleFrom();
        editor->setPreset(&renamed, kSlot);
        QCOMPARE(view->visibleFrom(), from);
        // Another slot shows the whole preset.
        editor->setPreset(&base, kSlot + 1);
        QVERIFY(!view->isZoomed());
    }

    void screenshot()
    {
        const Preset base = factoryPreset(0);
        auto [editor, view] = showEditor(&base, DescriptorId::Pitch);
        if (view->handleFrames().isEmpty())
            editor->setCurrentDescriptor(DescriptorId::Loudness);
        settle();
        const QString dir = QStringLiteral(NEURORACK_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(dir));
        const QImage image = editor->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(dir + QStringLiteral("/preset-editor.png")));
    }
};

QTEST_MAIN(tst_PresetEditor)
#include "tst_preseteditor.moc"
