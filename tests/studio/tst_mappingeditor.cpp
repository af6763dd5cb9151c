// SPDX-License-Identifier: GPL-3.0-or-later
// The mapping editor: every field edits the mapping it shows (and only that field), edits
// round-trip through setBank() as the main window does after each undo command, and the
// live simulation plays exactly what core's MappingEvaluator says the module plays.
#include "mappingeditor.h"

#include "io/documentcodec.h"
#include "model/factory.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QTest>

using namespace neurorack;
using namespace neurorack::studio;

namespace {

/// One mappingEdited() signal.
struct Edit {
    Mapping mapping;
    QString text;
    int mergeId = -1;
};

/// Which field a row of the edit table changes.
enum class Field { Target, Descriptor, VoltsLow, VoltsHigh, RangeLow, RangeHigh, Curve, Smoothing, Action, Threshold, Hysteresis, Name };

/// Whether @p mapping would load from a file: the codec's validation is the definition.
QString validationErrors(const Mapping &mapping)
{
    const auto decoded = DocumentCodec::decodeMapping(DocumentCodec::encodeMapping(mapping));
    return decoded ? QString() : decoded.errorString();
}

} // namespace

class TestMappingEditor : public QObject
{
    Q_OBJECT

private:
    /// The editor on the factory bank, applying its edits like the main window does.
    void setUpEditor()
    {
        m_bank = Factory::bank().value();
        m_editor = std::make_unique<MappingEditor>();
        m_edits.clear();
        m_auditions.clear();
        m_slots.clear();
        connect(m_editor.get(), &MappingEditor::mappingEdited, m_editor.get(),
                [this](const Mapping &mapping, const QString &text, int mergeId) {
                    m_edits.append({mapping, text, mergeId});
                    m_bank.setMapping(mapping);
                    m_editor->setBank(&m_bank, m_slot);
                });
        connect(m_editor.get(), &MappingEditor::auditionRequested, m_editor.get(),
                [this](const DescriptorCurves &curves, const QString &title) { m_auditions.append({curves, title}); });
        connect(m_editor.get(), &MappingEditor::slotRequested, m_editor.get(), [this](int slot) {
            m_slots.append(slot);
            m_slot = slot;
            m_editor->setBank(&m_bank, slot);
        });
        m_slot = m_bank.filledSlots().first();
        m_editor->setBank(&m_bank, m_slot);
        m_editor->resize(1200, 700);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }

    template<typename T>
    T *child(const QString &name)
    {
        T *widget = m_editor->findChild<T *>(name);
        if (!widget)
            qWarning("no child %s", qPrintable(name));
        return widget;
    }

    /// The volts the sliders show, read from the sliders themselves.
    MappingEvaluator::Volts sliderVolts()
    {
        MappingEvaluator::Volts volts{};
        for (int i = 0; i < Mapping::kCvCount; ++i)
            volts[static_cast<std::size_t>(i)] = child<QSlider>(QStringLiteral("cv%1Slider").arg(i + 1))->value() / 100.0;
        return volts;
    }

    void press(int gate)
    {
        auto *button = child<QPushButton>(QStringLiteral("gate%1Button").arg(gate));
        QTest::mousePress(button, Qt::LeftButton);
        QTest::mouseRelease(button, Qt::LeftButton);
    }

    Bank m_bank;
    int m_slot = 0;
    std::unique_ptr<MappingEditor> m_editor;
    QList<Edit> m_edits;
    QList<std::pair<DescriptorCurves, QString>> m_auditions;
    QList<int> m_slots;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Factory::bank());
        // The tests below rely on the shipped bank playing the original panel mapping.
        QCOMPARE(Factory::bank()->mapping(), Factory::originalMapping().value());
    }

    void init() { setUpEditor(); }
    void cleanup() { m_editor.reset(); }

    void editField_data()
    {
        QTest::addColumn<int>("input"); // CV 1–4 or gate 1–2, 1-based; 0 for the name
        QTest::addColumn<int>("field");
        QTest::addRow("cv1 target") << 1 << int(Field::Target);
        QTest::addRow("cv2 descriptor") << 2 << int(Field::Descriptor);
        QTest::addRow("cv1 volts low") << 1 << int(Field::VoltsLow);
        QTest::addRow("cv3 volts high") << 3 << int(Field::VoltsHigh);
        QTest::addRow("cv1 range low") << 1 << int(Field::RangeLow);
        QTest::addRow("cv2 range high") << 2 << int(Field::RangeHigh);
        QTest::addRow("cv3 range high") << 3 << int(Field::RangeHigh);
        QTest::addRow("cv1 curve") << 1 << int(Field::Curve);
        QTest::addRow("cv4 smoothing") << 4 << int(Field::Smoothing);
        QTest::addRow("gate1 action") << 1 << int(Field::Action);
        QTest::addRow("gate2 threshold") << 2 << int(Field::Threshold);
        QTest::addRow("gate1 hysteresis") << 1 << int(Field::Hysteresis);
        QTest::addRow("name") << 0 << int(Field::Name);
    }

    void editField()
    {
        QFETCH(int, input);
        QFETCH(int, field);
        const Mapping before = m_bank.mapping();
        Mapping expected = before;
        const auto i = static_cast<std::size_t>(input - 1);
        const QString cv = QStringLiteral("cv%1").arg(input);
        const QString gate = QStringLiteral("gate%1").arg(input);
        auto stepUp = [&](const QString &name) {
            auto *box = child<QDoubleSpinBox>(name);
            box->stepBy(1);
            return box->value();
        };
        switch (Field(field)) {
        case Field::Target: {
            auto *combo = child<QComboBox>(cv + QStringLiteral("Target"));
            combo->setCurrentIndex(combo->findData(int(CvTarget::DescriptorScale)));
            expected.cv[i].target = CvTarget::DescriptorScale;
            break;
        }
        case Field::Descriptor:
            child<QComboBox>(cv + QStringLiteral("Descriptor"))->setCurrentIndex(int(DescriptorId::Brightness));
            expected.cv[i].descriptor = DescriptorId::Brightness;
            break;
        case Field::VoltsLow:
            expected.cv[i].voltsLow = stepUp(cv + QStringLiteral("VoltsLow"));
            break;
        case Field::VoltsHigh:
            expected.cv[i].voltsHigh = stepUp(cv + QStringLiteral("VoltsHigh"));
            break;
        case Field::RangeLow:
            expected.cv[i].rangeLow = stepUp(cv + QStringLiteral("RangeLow"));
            break;
        case Field::RangeHigh: {
            auto *box = child<QDoubleSpinBox>(cv + QStringLiteral("RangeHigh"));
            box->stepBy(-1); // the factory ranges end at their limit for morph
            expected.cv[i].rangeHigh = box->value();
            break;
        }
        case Field::Curve:
            child<QComboBox>(cv + QStringLiteral("Curve"))->setCurrentIndex(int(ResponseCurve::SCurve));
            expected.cv[i].curve = ResponseCurve::SCurve;
            break;
        case Field::Smoothing:
            expected.cv[i].smoothingMs = stepUp(cv + QStringLiteral("Smoothing"));
            break;
        case Field::Action: {
            auto *combo = child<QComboBox>(gate + QStringLiteral("Action"));
            combo->setCurrentIndex(combo->findData(int(GateAction::PreviousPreset)));
            expected.gates[i].action = GateAction::PreviousPreset;
            break;
        }
        case Field::Threshold:
            expected.gates[i].threshold = stepUp(gate + QStringLiteral("Threshold"));
            break;
        case Field::Hysteresis:
            expected.gates[i].hysteresis = stepUp(gate + QStringLiteral("Hysteresis"));
            break;
        case Field::Name: {
            auto *name = child<QLineEdit>(QStringLiteral("mappingName"));
            name->setFocus();
            name->selectAll();
            QTest::keyClicks(name, QStringLiteral("My mapping"));
            QTest::keyClick(name, Qt::Key_Return);
            expected.name = QStringLiteral("My mapping");
            break;
        }
        }
        QCOMPARE(m_edits.size(), 1);
        const Mapping &edited = m_edits.first().mapping;
        QVERIFY(!(edited == before));
        QVERIFY2(validationErrors(edited).isEmpty(), qPrintable(validationErrors(edited)));
        QVERIFY(!m_edits.first().text.isEmpty());
        if (Field(field) == Field::Target) {
            // A new target brings a range in its own unit: only the target (and the range)
            // of that input change.
            QCOMPARE(edited.cv[i].target, CvTarget::DescriptorScale);
            const auto [lo, hi] = cvTargetRangeLimits(CvTarget::DescriptorScale, edited.cv[i].descriptor);
            QVERIFY(edited.cv[i].rangeLow >= lo && edited.cv[i].rangeHigh <= hi);
            for (std::size_t k = 0; k < edited.cv.size(); ++k) {
                if (k != i)
                    QCOMPARE(edited.cv[k], before.cv[k]);
            }
            QCOMPARE(edited.gates, before.gates);
        } else if (Field(field) == Field::Descriptor) {
            QCOMPARE(edited.cv[i].descriptor, DescriptorId::Brightness);
            QCOMPARE(edited.cv[i].target, before.cv[i].target);
            QCOMPARE(edited.cv[i].voltsLow, before.cv[i].voltsLow);
        } else {
            QCOMPARE(edited, expected);
        }
        // The main window applied it: the bank holds it, and nothing echoed back.
        QCOMPARE(m_bank.mapping(), edited);
        QCOMPARE(m_edits.size(), 1);
    }

    void spinGestureMerges()
    {
        auto *box = child<QDoubleSpinBox>(QStringLiteral("cv1RangeLow"));
        box->stepBy(1);
        box->stepBy(1);
        box->stepBy(1);
        QCOMPARE(m_edits.size(), 3);
        QVERIFY(m_edits[0].mergeId != -1);
        QCOMPARE(m_edits[1].mergeId, m_edits[0].mergeId);
        QCOMPARE(m_edits[2].mergeId, m_edits[0].mergeId);
        // Another field is another gesture; a combo is never merged.
        child<QDoubleSpinBox>(QStringLiteral("cv1RangeHigh"))->stepBy(-1);
        QVERIFY(m_edits[3].mergeId != -1);
        QVERIFY(m_edits[3].mergeId != m_edits[0].mergeId);
        child<QComboBox>(QStringLiteral("cv1Curve"))->setCurrentIndex(int(ResponseCurve::Exponential));
        QCOMPARE(m_edits[4].mergeId, -1);
        // The same field again after that is a new gesture.
        box->stepBy(1);
        QVERIFY(m_edits[5].mergeId != -1);
        QVERIFY(m_edits[5].mergeId != m_edits[0].mergeId);
    }

    void setBankRoundTrips()
    {
        auto *box = child<QDoubleSpinBox>(QStringLiteral("cv2RangeLow"));
        QApplication::setActiveWindow(m_editor.get());
        box->setFocus();
        QTRY_VERIFY(box->hasFocus());
        box->stepBy(1);
        QCOMPARE(m_edits.size(), 1);
        const double edited = m_edits.first().mapping.cv[1].rangeLow;
        QCOMPARE(box->value(), edited);
        QVERIFY(box->hasFocus());

        // Undo: the main window puts the old mapping back and calls setBank again.
        Mapping undone = m_bank.mapping();
        undone.cv[1].rangeLow = Factory::originalMapping()->cv[1].rangeLow;
        m_bank.setMapping(undone);
        m_editor->setBank(&m_bank, m_slot);
        QCOMPARE(box->value(), undone.cv[1].rangeLow);
        QVERIFY(box->hasFocus());
        QCOMPARE(m_edits.size(), 1); // no echo

        // A whole other mapping shows in every field.
        const Mapping alternative = Factory::alternativeMapping().value();
        m_bank.setMapping(alternative);
        m_editor->setBank(&m_bank, m_slot);
        QCOMPARE(m_edits.size(), 1);
        QCOMPARE(child<QLineEdit>(QStringLiteral("mappingName"))->text(), alternative.name);
        for (int i = 0; i < Mapping::kCvCount; ++i) {
            const CvInput &cv = alternative.cv[static_cast<std::size_t>(i)];
            const QString p = QStringLiteral("cv%1").arg(i + 1);
            QCOMPARE(child<QComboBox>(p + QStringLiteral("Target"))->currentData().toInt(), int(cv.target));
            QCOMPARE(child<QDoubleSpinBox>(p + QStringLiteral("VoltsLow"))->value(), cv.voltsLow);
            QCOMPARE(child<QDoubleSpinBox>(p + QStringLiteral("VoltsHigh"))->value(), cv.voltsHigh);
            QCOMPARE(child<QDoubleSpinBox>(p + QStringLiteral("RangeLow"))->value(), cv.rangeLow);
            QCOMPARE(child<QDoubleSpinBox>(p + QStringLiteral("RangeHigh"))->value(), cv.rangeHigh);
            QCOMPARE(child<QDoubleSpinBox>(p + QStringLiteral("Smoothing"))->value(), cv.smoothingMs);
        }
        for (int g = 0; g < Mapping::kGateCount; ++g)
            QCOMPARE(child<QComboBox>(QStringLiteral("gate%1Action").arg(g + 1))->currentData().toInt(),
                     int(alternative.gates[static_cast<std::size_t>(g)].action));
        // Editing from there starts from what is shown, not from a stale copy.
        child<QDoubleSpinBox>(QStringLiteral("cv4Smoothing"))->stepBy(1);
        QCOMPARE(m_edits.size(), 2);
        Mapping expected = alternative;
        expected.cv[3].smoothingMs += 1.0;
        QCOMPARE(m_edits.last().mapping, expected);
    }

    void descriptorEnabledOnlyForDescriptorTargets_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<bool>("descriptor");
        QTest::addColumn<bool>("range");
        QTest::addColumn<bool>("curve");
        QTest::addRow("none") << int(CvTarget::None) << false << false << false;
        QTest::addRow("offset") << int(CvTarget::DescriptorOffset) << true << true << true;
        QTest::addRow("scale") << int(CvTarget::DescriptorScale) << true << true << true;
        QTest::addRow("morph") << int(CvTarget::MorphAmount) << false << true << true;
        QTest::addRow("preset select") << int(CvTarget::PresetSelect) << false << true << true;
        QTest::addRow("bank scan") << int(CvTarget::BankScan) << false << true << true;
        QTest::addRow("pitch") << int(CvTarget::PitchVoct) << false << false << false;
    }

    void descriptorEnabledOnlyForDescriptorTargets()
    {
        QFETCH(int, target);
        QFETCH(bool, descriptor);
        QFETCH(bool, range);
        QFETCH(bool, curve);
        // CV 3 is the morph amount in the original mapping; every target from there.
        auto *combo = child<QComboBox>(QStringLiteral("cv3Target"));
        combo->setCurrentIndex(combo->findData(target));
        QCOMPARE(m_bank.mapping().cv[2].target, CvTarget(target));
        QVERIFY2(validationErrors(m_bank.mapping()).isEmpty(), qPrintable(validationErrors(m_bank.mapping())));
        QCOMPARE(child<QComboBox>(QStringLiteral("cv3Descriptor"))->isEnabled(), descriptor);
        QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("cv3RangeLow"))->isEnabled(), range);
        QCOMPARE(child<QComboBox>(QStringLiteral("cv3Curve"))->isEnabled(), curve);
        if (range) {
            const auto [lo, hi] = cvTargetRangeLimits(CvTarget(target), m_bank.mapping().cv[2].descriptor);
            QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("cv3RangeLow"))->minimum(), lo);
            QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("cv3RangeHigh"))->maximum(), hi);
        }
    }

    void gatePlaysWhatTheModulePlays_data()
    {
        QTest::addColumn<int>("gate");
        QTest::addColumn<int>("source");
        QTest::addColumn<double>("cv1");
        QTest::addColumn<double>("cv3");
        // Original mapping: gate 1 plays the preset, gate 2 the morph; CV1 richness, CV3 morph.
        QTest::addRow("preset, CVs at rest") << 1 << int(ImpactSource::Preset) << 0.0 << 0.0;
        QTest::addRow("preset, richness up") << 1 << int(ImpactSource::Preset) << 2.5 << 0.0;
        QTest::addRow("preset, richness down") << 1 << int(ImpactSource::Preset) << -4.0 << 3.0;
        QTest::addRow("morph at 0") << 2 << int(ImpactSource::Morph) << 0.0 << 0.0;
        QTest::addRow("morph at 60 percent") << 2 << int(ImpactSource::Morph) << 1.0 << 3.0;
    }

    void gatePlaysWhatTheModulePlays()
    {
        QFETCH(int, gate);
        QFETCH(int, source);
        QFETCH(double, cv1);
        QFETCH(double, cv3);
        m_editor->setSimulatedVolts(0, cv1);
        m_editor->setSimulatedVolts(2, cv3);
        const MappingEvaluator::Volts volts = sliderVolts();
        QCOMPARE(volts[0], cv1);
        QCOMPARE(volts[2], cv3);
        QCOMPARE(m_editor->simulatedVolts(), volts);
        press(gate);
        QCOMPARE(m_auditions.size(), 1);
        const DescriptorCurves expected = MappingEvaluator(m_bank).curvesFor(ImpactSource(source), m_slot, volts);
        QVERIFY(!expected.isEmpty());
        QVERIFY(m_auditions.first().first == expected);
        QVERIFY(!m_auditions.first().second.isEmpty());
        // Released and pressed again: a second edge, a second impact.
        press(gate);
        QCOMPARE(m_auditions.size(), 2);
        // The CVs moved the sound away from the plain preset when they drive something.
        if (cv1 != 0.0 && source == int(ImpactSource::Preset))
            QVERIFY(!(expected == m_bank.preset(m_slot)->curves));
    }

    void thresholdAboveTheButtonsVoltsNeverFires()
    {
        auto *threshold = child<QDoubleSpinBox>(QStringLiteral("gate1Threshold"));
        threshold->setValue(6.0);
        QCOMPARE(m_bank.mapping().gates[0].threshold, 6.0);
        press(1);
        QVERIFY(m_auditions.isEmpty());
        threshold->setValue(4.5);
        press(1);
        QCOMPARE(m_auditions.size(), 1);
    }

    void sliderReportsCurvesAndReadout()
    {
        QList<DescriptorCurves> seen;
        connect(m_editor.get(), &MappingEditor::cvCurvesChanged, this, [&](const DescriptorCurves &c) { seen.append(c); });
        child<QSlider>(QStringLiteral("cv1Slider"))->setValue(300);
        QCOMPARE(seen.size(), 1);
        QVERIFY(seen.first() == MappingEvaluator(m_bank).curvesFor(ImpactSource::Preset, m_slot, sliderVolts()));
        const auto [label, value] = MappingEvaluator(m_bank).cvText(0, 3.0, m_slot);
        const QString readout = child<QLabel>(QStringLiteral("cv1Readout"))->text();
        QVERIFY2(readout.contains(value) && readout.contains(label) && readout.contains(QStringLiteral("3.00")), qPrintable(readout));
    }

    void nextAndPreviousPresetActions()
    {
        const QList<int> filled = m_bank.filledSlots();
        QVERIFY(filled.size() >= 2);
        auto *action = child<QComboBox>(QStringLiteral("gate2Action"));
        action->setCurrentIndex(action->findData(int(GateAction::NextPreset)));
        press(2);
        QCOMPARE(m_slots, QList<int>{filled[1]});
        QVERIFY(m_auditions.isEmpty());
        action->setCurrentIndex(action->findData(int(GateAction::PreviousPreset)));
        press(2);
        press(2); // from the first filled slot it wraps to the last, as on the module
        QCOMPARE(m_slots, (QList<int>{filled[1], filled[0], filled.last()}));
        // Gate 1 now plays the slot we moved to.
        press(1);
        QCOMPARE(m_auditions.size(), 1);
        QVERIFY(m_auditions.first().first == MappingEvaluator(m_bank).curvesFor(ImpactSource::Preset, filled.last(), sliderVolts()));
    }

    void presetSelectCvChangesTheSlot()
    {
        auto *target = child<QComboBox>(QStringLiteral("cv4Target"));
        target->setCurrentIndex(target->findData(int(CvTarget::PresetSelect)));
        const QList<int> filled = m_bank.filledSlots();
        auto *slider = child<QSlider>(QStringLiteral("cv4Slider"));
        slider->setValue(slider->maximum());
        QVERIFY(!m_slots.isEmpty());
        QCOMPARE(m_slots.last(), filled.last());
        QCOMPARE(m_editor->simulatedSlot(), filled.last());
    }

    void loadFactoryMapping()
    {
        auto *factory = child<QComboBox>(QStringLiteral("factoryMapping"));
        factory->setCurrentIndex(2);
        QCOMPARE(m_edits.size(), 1);
        QCOMPARE(m_edits.first().mapping, Factory::alternativeMapping().value());
        QCOMPARE(m_edits.first().mapping.name, Factory::alternativeMapping()->name);
        QCOMPARE(m_edits.first().mergeId, -1);
        QCOMPARE(factory->currentIndex(), 0); // back to its prompt
        QCOMPARE(child<QComboBox>(QStringLiteral("cv1Target"))->currentData().toInt(), int(CvTarget::BankScan));
        factory->setCurrentIndex(1);
        QCOMPARE(m_edits.size(), 2);
        QCOMPARE(m_edits.last().mapping, Factory::originalMapping().value());
        // Loading what is already there is no edit.
        factory->setCurrentIndex(1);
        QCOMPARE(m_edits.size(), 2);
    }

    void emptyNameIsRefused()
    {
        auto *name = child<QLineEdit>(QStringLiteral("mappingName"));
        name->setText(QString());
        Q_EMIT name->editingFinished();
        QVERIFY(m_edits.isEmpty());
        QCOMPARE(name->text(), m_bank.mapping().name);
    }

    void noBankDisablesEverything()
    {
        m_editor->setBank(nullptr, 0);
        QVERIFY(!child<QComboBox>(QStringLiteral("cv1Target"))->isEnabled());
        QVERIFY(!child<QPushButton>(QStringLiteral("gate1Button"))->isEnabled());
        QVERIFY(!child<QLineEdit>(QStringLiteral("mappingName"))->isEnabled());
        QVERIFY(m_editor->simulatedCurves(ImpactSource::Preset).isEmpty());
        child<QComboBox>(QStringLiteral("factoryMapping"))->setCurrentIndex(1);
        QVERIFY(m_edits.isEmpty());
    }

    void screenshot()
    {
        m_editor->setSimulatedVolts(0, 2.0);
        QDir().mkpath(QStringLiteral(NEURORACK_BINARY_DIR "/screenshots"));
        QVERIFY(m_editor->grab().save(QStringLiteral(NEURORACK_BINARY_DIR "/screenshots/mapping-editor.png")));
    }
};

QTEST_MAIN(TestMappingEditor)
#include "tst_mappingeditor.moc"
