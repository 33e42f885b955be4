# User-defined exception classes, hierarchies, extra attributes and re-raising.
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f'{field}: {message}')
        self.field = field
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key
    def __str__(self):
        return f'no such key: {self.key!r}'
def validate(record):
    if 'name' not in record:
        raise ValidationError('name', 'is required')
    if not isinstance(record.get('age'), int):
        raise ValidationError('age', 'must be an int')
    return True
for rec in [{'name': 'a', 'age': 3}, {'age': 3}, {'name': 'b', 'age': 'x'}]:
    try:
        print('valid', validate(rec))
    except ValidationError as e:
        print('invalid', e.field, '-', e, '-', e.args)
db = {'a': 1}
def lookup(key):
    if key not in db:
        raise NotFound(key)
    return db[key]
for k in ['a', 'b']:
    try:
        print('found', lookup(k))
    except AppError as e:
        print(type(e).__name__, str(e), repr(e.key))
print(issubclass(ValidationError, AppError), issubclass(NotFound, Exception), isinstance(NotFound('x'), AppError))
class RetryError(RuntimeError):
    def __init__(self, attempts):
        super().__init__(f'gave up after {attempts} attempts')
        self.attempts = attempts
def with_retry(fn, attempts):
    errors = []
    for i in range(attempts):
        try:
            return fn(i)
        except ValueError as e:
            errors.append(str(e))
    raise RetryError(attempts)
def flaky(i):
    if i < 2:
        raise ValueError(f'attempt {i} failed')
    return f'succeeded on attempt {i}'
print(with_retry(flaky, 5))
try:
    with_retry(flaky, 2)
except RuntimeError as e:
    print('RuntimeError', e, e.attempts)
def reraise():
    try:
        raise NotFound('zz')
    except AppError:
        print('logging then re-raising')
        raise
try:
    reraise()
except NotFound as e:
    print('caught again:', e)
class Empty(Exception):
    pass
try:
    raise Empty()
except Empty as e:
    print('empty', repr(str(e)), e.args)
try:
    raise Empty('with', 'args')
except Exception as e:
    print(e, e.args)
errors = [ValidationError('f', 'bad'), NotFound('k'), RetryError(3), Empty('x')]
for err in errors:
    try:
        raise err
    except AppError as e:
        print('AppError family:', e)
    except Exception as e:
        print('other:', type(e).__name__, e)
class TrialPrunedLike(Exception):
    def __init__(self, step=None):
        self.step = step
        super().__init__('pruned' if step is None else f'pruned at step {step}')
for step in [None, 7]:
    try:
        raise TrialPrunedLike(step)
    except TrialPrunedLike as e:
        print(e, e.step)
