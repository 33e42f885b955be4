# Ends with an uncaught AttributeError on an instance.
class Sensor:
    def __init__(self, name, readings):
        self.name = name
        self.readings = readings
    def average(self):
        return sum(self.readings) / len(self.readings)
    def peak(self):
        return max(self.readings)
sensors = [Sensor('north', [1.5, 2.5, 3.0]), Sensor('south', [0.5, 0.25]), Sensor('east', [9.0])]
for s in sensors:
    print(f'{s.name:<6} avg={s.average():.3f} peak={s.peak()}')
print(hasattr(sensors[0], 'name'), hasattr(sensors[0], 'location'))
print(getattr(sensors[1], 'location', 'unknown'))
sensors[2].location = 'roof'
print(sensors[2].location)
try:
    print(sensors[0].location)
except AttributeError as e:
    print('AttributeError:', e)
try:
    'text'.push('x')
except AttributeError as e:
    print('AttributeError:', e)
try:
    None.name
except AttributeError as e:
    print('AttributeError:', e)
def summarize(items):
    return {s.name: s.calibrated_value for s in items}
print('summarizing')
print(summarize(sensors))
