# Ends with an exception raised while handling another one (the last line is the newer one).
def parse(text):
    try:
        return int(text)
    except ValueError:
        return float(text)
print(parse('3'), parse('2.5'), parse('1e3'))
for text in ['7', '7.5', 'seven']:
    try:
        print(text, parse(text))
    except ValueError as e:
        print(text, 'ValueError:', e)
log = []
def cleanup(resource):
    log.append(f'closing {resource}')
def work(resource, fail):
    try:
        log.append(f'using {resource}')
        if fail:
            raise RuntimeError(f'{resource} broke')
        return 'ok'
    finally:
        cleanup(resource)
print(work('db', False), log)
try:
    work('cache', True)
except RuntimeError as e:
    print('RuntimeError:', e, log)
def handler_bug():
    try:
        {}['missing']
    except KeyError:
        log.append('handling KeyError')
        return [][0]
print('final call')
handler_bug()
