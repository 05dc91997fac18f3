"""evaldesk.audit"""
